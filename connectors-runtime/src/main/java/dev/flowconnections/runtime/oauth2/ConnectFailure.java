package dev.flowconnections.runtime.oauth2;

import dev.flowconnections.errors.FieldError;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.errors.ValidationException;

/**
 * Why a browser's "Connect" callback failed, as the fixed code the connections page explains
 * ({@code /connections?connectError=<code>}); the page has a message for each.
 */
enum ConnectFailure {
  STATE_MISSING("state-missing"),
  STATE_UNKNOWN("state-unknown"),
  STATE_EXPIRED("state-expired"),
  STATE_OF_ANOTHER_USER("state-other-user"),
  DENIED("denied"),
  CODE_REFUSED("code-refused"),
  NOT_CONNECTABLE("environment"),
  CONNECTION_GONE("connection-gone"),
  TOKEN_ENDPOINT_UNAVAILABLE("token-endpoint-unavailable");

  private final String code;

  ConnectFailure(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }

  static ConnectFailure of(RuntimeException failure) {
    if (failure instanceof NotFoundException) {
      return CONNECTION_GONE;
    }
    if (!(failure instanceof ValidationException validation) || validation.errors().isEmpty()) {
      return TOKEN_ENDPOINT_UNAVAILABLE; // the 502 of OAuth2Connect.complete
    }
    FieldError error = validation.errors().getFirst();
    return switch (error.field()) {
      case "state" ->
          switch (error.message()) {
            case OAuth2Connect.STATE_OF_ANOTHER_USER -> STATE_OF_ANOTHER_USER;
            case OAuth2Connect.STATE_EXPIRED -> STATE_EXPIRED;
            case OAuth2Connect.STATE_UNKNOWN -> STATE_UNKNOWN;
            default -> STATE_MISSING;
          };
      case "error" -> DENIED;
      case "code" -> CODE_REFUSED;
      default -> NOT_CONNECTABLE;
    };
  }
}
