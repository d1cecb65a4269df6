package dev.flowconnections.credential;

/**
 * The store could not answer (network, sealed Vault, denied token). Retryable: jobs fail with
 * retries left and the API answers 503. The message never contains a secret value.
 */
public class CredentialStoreUnavailableException extends RuntimeException {
  public CredentialStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
