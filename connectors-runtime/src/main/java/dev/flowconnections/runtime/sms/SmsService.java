package dev.flowconnections.runtime.sms;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderConnection;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an SMS through an SMS connection: resolves it for this runtime's environment, picks the
 * sender number and hands the message to the connection's provider (Twilio or AWS SNS).
 *
 * <p>How failures surface: bad input or configuration, and refused credentials, are a {@code
 * ConnectorInputException} (an incident at once); an unreachable provider is retried; any other
 * refusal is coded with the provider's status or error code, for an errorExpression to catch.
 */
public class SmsService {

  private static final Logger LOG = LoggerFactory.getLogger(SmsService.class);
  static final String WORKER = "SMS worker";
  static final String FROM_NUMBER = "fromNumber";

  private final WorkerConnections connections;
  private final TwilioMessages twilio;
  private final SnsMessages sns;

  SmsService(WorkerConnections connections, TwilioMessages twilio, SnsMessages sns) {
    this.connections = connections;
    this.twilio = twilio;
    this.sns = sns;
  }

  /**
   * @param job the job: its tenant names the organization of the connection; the audit log names
   *     its process instance
   */
  public SmsResult send(SmsRequest request, JobContext job) {
    return send(
        request,
        connections.resolve(
            request.connection(), job, IntegrationType.SMS, WORKER, SmsProvider::of));
  }

  private SmsResult send(SmsRequest request, ProviderConnection<SmsProvider> resolved) {
    ResolvedConnection connection = resolved.connection();
    String from = sender(request, connection);
    LOG.debug("sending an SMS via {}", resolved);
    return switch (resolved.provider()) {
      case TWILIO -> {
        TwilioAccount account = TwilioAccount.of(connection);
        SecretMasker masker = WorkerConnections.maskerFor(connection, account.encodedCredentials());
        if (from == null) {
          throw new ConnectorInputException(
              "no sender: set 'from' on the task or '"
                  + FROM_NUMBER
                  + "' on the integration of connection '"
                  + connection.key()
                  + "'; Twilio needs one");
        }
        yield twilio.send(account, request.to(), from, request.message(), connection, masker);
      }
      case AWS_SNS ->
          sns.send(
              SnsAccount.of(connection),
              request.to(),
              from,
              request.message(),
              connection,
              WorkerConnections.maskerFor(connection));
    };
  }

  /** The task's sender, else the integration's; null when neither is set (SNS picks one). */
  private static String sender(SmsRequest request, ResolvedConnection connection) {
    if (request.from() != null && !request.from().isBlank()) {
      return request.from();
    }
    String configured =
        connection.text(FROM_NUMBER).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    if (configured != null && !configured.matches(SmsRequest.E164)) {
      throw JobFailures.connectionProblem(
          "connection '"
              + connection.key()
              + "' has a '"
              + FROM_NUMBER
              + "' in "
              + connection.environment()
              + " that is not "
              + SmsRequest.E164_DESCRIPTION);
    }
    return configured;
  }
}
