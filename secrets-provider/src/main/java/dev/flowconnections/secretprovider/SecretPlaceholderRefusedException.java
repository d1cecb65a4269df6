package dev.flowconnections.secretprovider;

/** A secret was asked for outside a guarded outbound job: nothing is resolved there. */
public class SecretPlaceholderRefusedException extends IllegalStateException {

  public SecretPlaceholderRefusedException(String name) {
    super(
        "secret '"
            + name
            + "' is not resolved: secret placeholders are resolved only for outbound connector jobs, "
            + "in the task inputs the process model writes (inbound connectors and other callers get none)");
  }
}
