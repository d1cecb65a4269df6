package dev.flowconnections.runtime.email;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.AgentToolFailures;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderConnection;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an email through an Email connection: resolves it for this runtime's environment, checks
 * the task's addresses and attachments, and hands the message to the connection's provider.
 *
 * <p>How failures surface: bad input or configuration is a {@code ConnectorInputException} (an
 * incident at once); a refused login or API key too; an unreachable server is retried; refused
 * recipients are coded RECIPIENTS_REJECTED (SMTP) or with SendGrid's status.
 */
public class EmailService {

  private static final Logger LOG = LoggerFactory.getLogger(EmailService.class);
  static final String WORKER = "email worker";
  static final String FROM_ADDRESS = "fromAddress";

  private final WorkerConnections connections;
  private final SmtpMailer smtp;
  private final SendGridMailer sendGrid;

  EmailService(WorkerConnections connections, SmtpMailer smtp, SendGridMailer sendGrid) {
    this.connections = connections;
    this.smtp = smtp;
    this.sendGrid = sendGrid;
  }

  /**
   * @param job the job: its tenant names the organization of the connection; the audit log names
   *     its process instance
   */
  public EmailResult send(EmailRequest request, JobContext job) {
    ProviderConnection<EmailProvider> resolved =
        connections.resolve(
            request.connection(), job, IntegrationType.EMAIL, WORKER, EmailProvider::of);
    if (AgentToolFailures.isAgentTool(job) && request.allowedRecipients() == null) {
      // the model fills the recipients of an Email Tool; only the modeller's list bounds them
      throw JobFailures.connectionProblem(
          "allowedRecipients: an Email Tool sends only to the addresses or domains the task allows;"
              + " set them on the task");
    }
    return send(request, resolved);
  }

  private EmailResult send(EmailRequest request, ProviderConnection<EmailProvider> resolved) {
    ResolvedConnection connection = resolved.connection();
    SecretMasker masker =
        WorkerConnections.maskerFor(connection, SmtpServer.loginEncodings(connection));
    // The connection's settings are checked before the content: attachments may be large to read.
    Mailer mailer =
        switch (resolved.provider()) {
          case SMTP -> {
            SmtpServer server = SmtpServer.of(connection);
            yield email -> smtp.send(server, email, connection, masker);
          }
          case SENDGRID -> {
            SendGridAccount account = SendGridAccount.of(connection);
            yield email -> sendGrid.send(account, email, connection, masker);
          }
        };
    OutgoingEmail email = compose(request, connection, masker);
    LOG.debug("sending an email to {} recipient(s) via {}", email.allRecipients().size(), resolved);
    return mailer.send(email);
  }

  private interface Mailer {
    EmailResult send(OutgoingEmail email);
  }

  private static OutgoingEmail compose(
      EmailRequest request, ResolvedConnection connection, SecretMasker masker) {
    List<InternetAddress> to = Addresses.parseList("to", request.to(), masker);
    if (to.isEmpty()) { // e.g. to = " ": the list was not empty, but named nobody
      throw new ConnectorInputException("to must name at least one recipient");
    }
    List<InternetAddress> cc = Addresses.parseList("cc", request.cc(), masker);
    List<InternetAddress> bcc = Addresses.parseList("bcc", request.bcc(), masker);
    // Every provider's message passes here, before its attachments are read: an AI model may fill
    // the recipients, the modeller's list bounds them.
    RecipientAllowList.of(request.allowedRecipients())
        .ifPresent(allowList -> allowList.check(List.of(to, cc, bcc), masker));
    return new OutgoingEmail(
        sender(request, connection, masker),
        to,
        cc,
        bcc,
        request.subject().strip(),
        EmailRequest.hasText(request.textBody()) ? request.textBody() : null,
        EmailRequest.hasText(request.htmlBody()) ? request.htmlBody() : null,
        AttachmentReader.read(request.attachments()));
  }

  private static InternetAddress sender(
      EmailRequest request, ResolvedConnection connection, SecretMasker masker) {
    if (EmailRequest.hasText(request.from())) {
      return Addresses.parseSingle("from", request.from(), masker);
    }
    String configured =
        connection
            .text(FROM_ADDRESS)
            .filter(EmailRequest::hasText)
            .orElseThrow(
                () ->
                    new ConnectorInputException(
                        "no sender: set 'from' on the task or '"
                            + FROM_ADDRESS
                            + "' on the integration of connection '"
                            + connection.key()
                            + "'"));
    return Addresses.parseSingle("the integration's " + FROM_ADDRESS, configured, masker);
  }
}
