package dev.flowconnections.credential.vault;

import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.errors.ConflictException;
import java.util.Map;
import java.util.Optional;
import org.springframework.vault.authentication.VaultLoginException;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Turns what Spring Vault throws into the store's contract: a check-and-set mismatch is a conflict
 * (409 in the API), everything else means the store cannot answer now (503, job retried). Messages
 * name the operation, path and Vault's own error text, which never quotes request data.
 */
final class VaultFailures {

  private VaultFailures() {}

  static boolean isPermissionDenied(RuntimeException e) {
    return status(e).filter(s -> s == 403).isPresent() && !(e instanceof VaultLoginException);
  }

  static RuntimeException translate(RuntimeException e, String operation, String path) {
    if (e instanceof VaultLoginException) {
      return new CredentialStoreUnavailableException(
          "Vault login failed ("
              + vaultError(e).orElse("no answer")
              + "); check flow-connections.store.vault"
              + " authentication settings",
          e);
    }
    Optional<Integer> status = status(e);
    if (status.isEmpty()) {
      if (hasCause(e, ResourceAccessException.class)) {
        return new CredentialStoreUnavailableException(
            "Vault is unreachable (" + operation + " " + path + ")", e);
      }
      return new CredentialStoreUnavailableException(
          "Vault could not " + operation + " " + path + " (" + e.getClass().getSimpleName() + ")",
          e);
    }
    String error = vaultError(e).orElse("");
    return switch (status.get()) {
      case 400 ->
          error.contains("check-and-set")
              ? new ConflictException(
                  "fields",
                  "the credentials were changed by someone else meanwhile (Vault "
                      + path
                      + "); reload and retry",
                  Map.of("store", "vault"))
              : unavailable(status.get(), error, operation, path, e);
      case 403 ->
          new CredentialStoreUnavailableException(
              "Vault denied "
                  + operation
                  + " of "
                  + path
                  + " (403 permission denied): check the policy of the"
                  + " runtime's Vault token or role",
              e);
      case 503 ->
          new CredentialStoreUnavailableException(
              "Vault is sealed or unavailable (503) for " + operation + " of " + path, e);
      default -> unavailable(status.get(), error, operation, path, e);
    };
  }

  private static RuntimeException unavailable(
      int status, String error, String operation, String path, RuntimeException e) {
    return new CredentialStoreUnavailableException(
        "Vault answered "
            + status
            + (error.isBlank() ? "" : " (" + error + ")")
            + " to "
            + operation
            + " of "
            + path,
        e);
  }

  private static Optional<Integer> status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpStatusCodeException http) {
        return Optional.of(http.getStatusCode().value());
      }
    }
    return Optional.empty();
  }

  /** Vault's "errors" text; Vault never echoes submitted data in it. */
  private static Optional<String> vaultError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpStatusCodeException http) {
        return Optional.of(
                org.springframework.vault.client.VaultResponses.getError(
                        http.getResponseBodyAsString())
                    .strip())
            .filter(s -> s.length() < 200);
      }
    }
    return Optional.empty();
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
