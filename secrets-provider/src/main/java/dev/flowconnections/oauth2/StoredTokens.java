package dev.flowconnections.oauth2;

import dev.flowconnections.credential.SecretValues;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens of an OAuth2 authorization-code environment, kept as secret fields of that environment
 * in the credential store (so they are sealed like any credential and never listed with values).
 * {@link #toString()} shows no token.
 */
public record StoredTokens(String accessToken, String refreshToken, Instant accessTokenExpiresAt) {

  public static final String ACCESS_TOKEN = "oauth2AccessToken";
  public static final String REFRESH_TOKEN = "oauth2RefreshToken";
  public static final String ACCESS_TOKEN_EXPIRES_AT = "oauth2AccessTokenExpiresAt";
  public static final List<String> FIELDS =
      List.of(ACCESS_TOKEN, REFRESH_TOKEN, ACCESS_TOKEN_EXPIRES_AT);

  /** The tokens among an environment's secrets; empty when it was never authorised. */
  public static Optional<StoredTokens> from(SecretValues secrets) {
    String access = secrets.text(ACCESS_TOKEN).orElse(null);
    String refresh = secrets.text(REFRESH_TOKEN).orElse(null);
    if (access == null && refresh == null) {
      return Optional.empty();
    }
    return Optional.of(
        new StoredTokens(
            access,
            refresh,
            secrets.text(ACCESS_TOKEN_EXPIRES_AT).map(StoredTokens::instant).orElse(null)));
  }

  /** The secret fields to store; absent tokens are left out. */
  public Map<String, String> asSecretFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    if (accessToken != null) {
      fields.put(ACCESS_TOKEN, accessToken);
    }
    if (refreshToken != null) {
      fields.put(REFRESH_TOKEN, refreshToken);
    }
    if (accessTokenExpiresAt != null) {
      fields.put(ACCESS_TOKEN_EXPIRES_AT, accessTokenExpiresAt.toString());
    }
    return fields;
  }

  /** {@code secrets} with its tokens replaced by these. */
  public SecretValues replacingTokensOf(SecretValues secrets) {
    Map<String, Object> kept = new LinkedHashMap<>(secrets.asMap());
    FIELDS.forEach(kept::remove);
    kept.putAll(asSecretFields());
    return SecretValues.of(kept);
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null; // treated as expired: the next use refreshes
    }
  }

  @Override
  public String toString() {
    return "StoredTokens[access="
        + (accessToken != null)
        + ", refresh="
        + (refreshToken != null)
        + ", expiresAt="
        + accessTokenExpiresAt
        + "]";
  }
}
