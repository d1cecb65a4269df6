package dev.flowconnections.runtime.email;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.SecretMasker;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an SMTP failure means for the job: a refused login is a configuration problem (incident at
 * once); refused recipients are coded RECIPIENTS_REJECTED for an errorExpression; an unreachable
 * server or a failed TLS handshake is CONNECTION_FAILED and retried.
 */
final class SmtpFailures {

  static final String RECIPIENTS_REJECTED = "RECIPIENTS_REJECTED";
  static final String SMTP_FAILED = "SMTP_FAILED";

  private SmtpFailures() {}

  static RuntimeException of(
      MessagingException e, SmtpServer server, ResolvedConnection connection, SecretMasker masker) {
    String where = "SMTP server " + server.address();
    if (e instanceof AuthenticationFailedException) {
      return JobFailures.credentialsRejected(
          where, connection, "login refused: " + e.getMessage(), masker);
    }
    if (e instanceof SendFailedException sendFailed && hasAny(sendFailed.getInvalidAddresses())) {
      return JobFailures.rejected(
          RECIPIENTS_REJECTED,
          where
              + " refused the recipients "
              + join(sendFailed.getInvalidAddresses())
              + ": "
              + JobFailures.describe(e),
          masker);
    }
    if (causedByIo(e)) {
      return JobFailures.unreachable("connecting to " + where, e, masker);
    }
    return JobFailures.rejected(SMTP_FAILED, where + ": " + JobFailures.describe(e), masker);
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAny(Address[] addresses) {
    return addresses != null && addresses.length > 0;
  }

  private static String join(Address[] addresses) {
    return Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }
}
