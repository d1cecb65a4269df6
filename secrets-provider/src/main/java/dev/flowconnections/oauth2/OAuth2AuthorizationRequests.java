package dev.flowconnections.oauth2;

import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.crypto.SealedBox;
import dev.flowconnections.environment.Environment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Started "Connect"s in PostgreSQL, so the callback may reach any runtime instance. The state is
 * kept only as a hash (a database reader cannot complete someone's authorisation with it) and the
 * PKCE verifier is sealed with the credentials' envelope encryption. Taking a request deletes it: a
 * state works once.
 */
public class OAuth2AuthorizationRequests {

  private final JdbcClient jdbc;
  private final EnvelopeCipher cipher;
  private final Clock clock;

  public OAuth2AuthorizationRequests(JdbcClient jdbc, EnvelopeCipher cipher, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.clock = clock;
  }

  public void save(String state, PendingAuthorization request) {
    jdbc.sql("delete from oauth2_authorization_request where expires_at < :now")
        .param("now", Timestamp.from(clock.instant()))
        .update();
    String hash = hash(state);
    SealedBox sealed =
        cipher.seal(
            request.codeVerifier().getBytes(StandardCharsets.UTF_8),
            hash.getBytes(StandardCharsets.UTF_8));
    jdbc.sql(
            "insert into oauth2_authorization_request (state_hash, organization_id, connection_id, environment,"
                + " username, redirect_uri, key_id, wrapped_key, ciphertext, expires_at) values (:hash, :org, :connection,"
                + " :env, :user, :redirect, :keyId, :wrapped, :ciphertext, :expires)")
        .param("hash", hash)
        .param("org", request.organizationId())
        .param("connection", request.connectionId())
        .param("env", request.environment().name())
        .param("user", request.username())
        .param("redirect", request.redirectUri())
        .param("keyId", sealed.keyId())
        .param("wrapped", sealed.wrappedKey())
        .param("ciphertext", sealed.ciphertext())
        .param("expires", Timestamp.from(request.expiresAt()))
        .update();
  }

  /**
   * Removes and answers the request started with {@code state}, expired or not; empty for unknown
   * states.
   */
  public Optional<PendingAuthorization> take(String state) {
    String hash = hash(state);
    return jdbc.sql(
            "delete from oauth2_authorization_request where state_hash = :hash returning organization_id,"
                + " connection_id, environment, username, redirect_uri, key_id, wrapped_key, ciphertext, expires_at")
        .param("hash", hash)
        .query(
            (rs, n) ->
                new PendingAuthorization(
                    rs.getString("organization_id"),
                    rs.getObject("connection_id", UUID.class),
                    Environment.valueOf(rs.getString("environment")),
                    rs.getString("username"),
                    rs.getString("redirect_uri"),
                    new String(
                        cipher.open(
                            new SealedBox(
                                rs.getString("key_id"),
                                rs.getBytes("wrapped_key"),
                                rs.getBytes("ciphertext")),
                            hash.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8),
                    rs.getTimestamp("expires_at").toInstant()))
        .optional();
  }

  private static String hash(String state) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
