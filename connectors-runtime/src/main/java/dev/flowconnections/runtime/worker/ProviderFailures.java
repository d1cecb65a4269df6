package dev.flowconnections.runtime.worker;

import dev.flowconnections.resolution.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;

/**
 * The errors a worker ends with when a provider (SMTP server, SendGrid, Twilio, AWS) did not do
 * what was asked. Messages become incident messages, so they go through the connection's {@link
 * SecretMasker}; no cause is attached, because the runtime logs causes with their messages, and a
 * provider's message may quote a request that carried a credential.
 */
public final class ProviderFailures {

  public static final String TIMEOUT = "TIMEOUT";
  public static final String CONNECTION_FAILED = "CONNECTION_FAILED";

  private ProviderFailures() {}

  /**
   * The provider refused the connection's credentials. Retrying with the same ones cannot help, so
   * this is an incident at once, telling the user which connection and environment to fix.
   */
  public static ConnectorInputException credentialsRejected(
      String provider, ResolvedConnection connection, String detail, SecretMasker masker) {
    return new ConnectorInputException(masker.mask(
        provider + " rejected the credentials of connection '" + connection.key() + "' in "
            + connection.environment() + " (" + detail + ")"));
  }

  /** A provider's answer other than success; the code lets an errorExpression tell cases apart. */
  public static ConnectorException rejected(String errorCode, String message, SecretMasker masker) {
    return new ConnectorException(errorCode, masker.mask(message));
  }

  public static ConnectorException timeout(String what, SecretMasker masker) {
    return new ConnectorException(TIMEOUT, masker.mask("timed out waiting for " + what));
  }

  public static ConnectorException connectionFailed(String what, Throwable cause, SecretMasker masker) {
    return new ConnectorException(CONNECTION_FAILED, masker.mask(what + " failed: " + describe(cause)));
  }

  /** The innermost cause says what went wrong ("Connection refused"); outer ones only wrap it. */
  public static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null || root.getMessage().isBlank()
        ? root.getClass().getSimpleName()
        : root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
