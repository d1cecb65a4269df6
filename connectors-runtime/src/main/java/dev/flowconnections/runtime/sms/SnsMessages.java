package dev.flowconnections.runtime.sms;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.worker.AwsConnections;
import dev.flowconnections.runtime.worker.AwsRetryAfter;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.SecretMasker;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Sends SMS with AWS SNS {@code Publish} to a phone number, and checks credentials with the
 * read-only {@code GetSMSAttributes}. One client per job, closed afterwards: credentials and region
 * come from the connection, and SNS clients are cheap next to an SMS. The SDK does not retry; the
 * job's retries do, so a failing call is never repeated behind the engine's back.
 */
final class SnsMessages {

  static final String PROVIDER = "AWS SNS";

  /** The sender number for SMS sent from an origination number (toll-free, 10DLC, long code). */
  static final String ORIGINATION_NUMBER = "AWS.MM.SMS.OriginationNumber";

  SmsResult send(
      SnsAccount account,
      String to,
      String from,
      String message,
      ResolvedConnection connection,
      SecretMasker masker) {
    PublishRequest.Builder request = PublishRequest.builder().phoneNumber(to).message(message);
    if (from != null) {
      request.messageAttributes(
          Map.of(
              ORIGINATION_NUMBER,
              MessageAttributeValue.builder().dataType("String").stringValue(from).build()));
    }
    String messageId =
        call(
            account,
            ProviderHttp.READ_TIMEOUT,
            connection,
            masker,
            "Publish",
            sns -> sns.publish(request.build()).messageId());
    return new SmsResult(SmsProvider.AWS_SNS.name(), messageId, null);
  }

  void verify(SnsAccount account, ResolvedConnection connection, SecretMasker masker) {
    call(
        account,
        ProviderHttp.CONNECTION_TEST_TIMEOUT,
        connection,
        masker,
        "GetSMSAttributes",
        sns -> sns.getSMSAttributes(b -> {}));
  }

  private static <T> T call(
      SnsAccount account,
      Duration timeout,
      ResolvedConnection connection,
      SecretMasker masker,
      String action,
      Function<SnsClient, T> work) {
    try (SnsClient sns = client(account, timeout)) {
      return work.apply(sns);
    } catch (AwsServiceException e) {
      throw refused(e, account, action, connection, masker);
    } catch (SdkException e) { // no answer: unreachable endpoint, timeout, unreadable response
      throw JobFailures.unreachable(action + " to " + account.describe(), e, masker);
    }
  }

  private static RuntimeException refused(
      AwsServiceException e,
      SnsAccount account,
      String action,
      ResolvedConnection connection,
      SecretMasker masker) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String detail = (code == null ? "HTTP " + e.statusCode() : code) + ": " + message(e);
    if (e.statusCode() == 401 || e.statusCode() == 403) {
      return JobFailures.credentialsRejected(account.describe(), connection, detail, masker);
    }
    if (JobFailures.isUnavailable(
        e.statusCode())) { // throttled or failing, after the SDK's own retries
      return JobFailures.unavailable(
          e.statusCode(),
          account.describe() + " answered " + action + " with " + detail,
          AwsRetryAfter.of(e),
          masker);
    }
    return JobFailures.rejected(
        code == null ? String.valueOf(e.statusCode()) : code,
        account.describe() + " refused " + action + " (HTTP " + e.statusCode() + ") " + detail,
        masker);
  }

  /** AWS's own message, without the SDK's suffix (service, status, request id). */
  private static String message(AwsServiceException e) {
    return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
        ? e.awsErrorDetails().errorMessage()
        : String.valueOf(e.getMessage());
  }

  private static SnsClient client(SnsAccount account, Duration timeout) {
    SnsClientBuilder builder =
        SnsClient.builder()
            .region(account.region())
            .credentialsProvider(
                AwsConnections.credentials(account.accessKeyId(), account.secretAccessKey()))
            .httpClientBuilder(AwsConnections.httpClient(timeout))
            .overrideConfiguration(
                o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout));
    if (account.endpointOverride() != null) {
      OutboundAddressPolicy.current().check(account.endpointOverride());
      builder.endpointOverride(account.endpointOverride());
    }
    return builder.build();
  }
}
