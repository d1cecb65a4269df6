package dev.flowconnections.oauth2;

import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.change.ChangeRecorder;
import dev.flowconnections.connection.Connection;
import dev.flowconnections.connection.ConnectionEnvironment;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.EnvironmentStatuses;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.credential.StoredCredentials;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.resolution.ConnectionResolutionException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored side of the OAuth2 authorization code grant: tokens of a "Connect" saved into the
 * environment's credentials, refreshes done under a row lock so that runtime instances sharing the
 * database refresh one at a time and never lose a rotated refresh token, and the "needs
 * re-authorisation" mark after a refused refresh.
 *
 * <p>The row lock and the credential write share one transaction only with a credential store in
 * the same PostgreSQL database (the default store); see docs/oauth2.md for other stores.
 */
public class OAuth2Grants {

  /** The audit's name for the "needs re-authorisation" mark a refused refresh sets. */
  public static final String REAUTHORIZATION_MARK = "oauth2ReauthorizationRequired";

  private final ConnectionRepository connections;
  private final CredentialStore credentials;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ChangeRecorder changes;
  private final Clock clock;

  public OAuth2Grants(
      ConnectionRepository connections,
      CredentialStore credentials,
      JdbcClient jdbc,
      TransactionTemplate tx,
      ChangeRecorder changes,
      Clock clock) {
    this.connections = connections;
    this.credentials = credentials;
    this.jdbc = jdbc;
    this.tx = tx;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * Whether the environment of an integration is authorised by users ("Connect") rather than by the
   * client alone.
   */
  public static boolean usesAuthorizationCode(Integration integration, Environment environment) {
    return integration.authScheme() == AuthScheme.OAUTH2
        && FieldCatalog.AUTHORIZATION_CODE.equals(
            String.valueOf(
                EnvironmentStatuses.integrationSettings(integration, environment)
                    .get(FieldCatalog.GRANT_TYPE)));
  }

  /**
   * Saves the tokens of a completed "Connect" as the environment's tokens, records who authorised
   * it (and, when known, the provider account) and clears a "needs re-authorisation" mark. Not an
   * edit of the connection (no version bump).
   *
   * @param account the provider account that was authorised, for display; null when unknown
   * @return when it was recorded
   */
  public Instant authorize(
      String organizationId,
      UUID connectionId,
      Environment environment,
      String username,
      StoredTokens tokens,
      String account) {
    return tx.execute(
        s -> {
          Connection connection =
              connections
                  .findForUpdate(organizationId, connectionId)
                  .orElseThrow(
                      () ->
                          new NotFoundException("connection " + connectionId + " does not exist"));
          ConnectionEnvironment stored = connection.environments().get(environment);
          if (stored == null) {
            throw new NotFoundException(
                "connection '" + connection.key() + "' has no credentials for " + environment);
          }
          CredentialLocation location =
              new CredentialLocation(
                  organizationId, connection.id(), connection.key(), environment);
          StoredCredentials inStore = credentials.readForUpdate(location);
          SecretValues updated =
              tokens.replacingTokensOf(inStore.values().orElse(SecretValues.empty()));
          credentials.write(location, updated, inStore.version());
          Instant now = clock.instant();
          jdbc.sql(
                  "update connection_environment set secret_fields_set = :names, oauth2_authorized_by = :by,"
                      + " oauth2_authorized_at = :at, oauth2_reauthorization_reason = null,"
                      + " oauth2_authorized_account = :account"
                      + " where connection_id = :id and environment = :env")
              .param("names", new TreeSet<>(updated.fieldNames()).toArray(String[]::new))
              .param("by", username)
              .param("account", account)
              .param("at", Timestamp.from(now))
              .param("id", connection.id())
              .param("env", environment.name())
              .update();
          changes.changed(
              AuditEvent.oauth2Grant(
                  username, now, connection, environment, tokens.asSecretFields().keySet()));
          return now;
        });
  }

  /**
   * Refreshes the environment's tokens while holding its row lock: {@code refresher} sees the
   * tokens as stored now (perhaps refreshed by another instance meanwhile) and decides. New tokens
   * are written back; a rejection marks the environment as needing re-authorisation. An exception
   * of the refresher (e.g. the token endpoint is down) changes nothing.
   *
   * @throws ConnectionResolutionException when the environment does not exist (any more)
   */
  public RefreshOutcome refresh(
      String organizationId, String connectionKey, Environment environment, Refresher refresher) {
    return tx.execute(
        s -> {
          Connection connection =
              connections
                  .findByKey(organizationId, connectionKey)
                  .orElseThrow(
                      () ->
                          new ConnectionResolutionException(
                              "connection '" + connectionKey + "' does not exist"));
          String reason =
              jdbc.sql(
                      "select coalesce(oauth2_reauthorization_reason, '') from connection_environment"
                          + " where connection_id = :id and environment = :env for update")
                  .param("id", connection.id())
                  .param("env", environment.name())
                  .query(String.class)
                  .optional()
                  .orElseThrow(
                      () ->
                          new ConnectionResolutionException(
                              "connection '"
                                  + connectionKey
                                  + "' has no credentials for "
                                  + environment));
          if (!reason.isEmpty()) {
            return new RefreshOutcome.NeedsReauthorization(reason);
          }
          CredentialLocation location =
              new CredentialLocation(
                  organizationId, connection.id(), connection.key(), environment);
          StoredCredentials inStore = credentials.readForUpdate(location);
          SecretValues secrets = inStore.values().orElse(SecretValues.empty());
          StoredTokens tokens = StoredTokens.from(secrets).orElse(null);
          if (tokens == null) {
            return new RefreshOutcome.NotAuthorized();
          }
          RefreshOutcome outcome = refresher.refresh(tokens);
          switch (outcome) {
            case RefreshOutcome.Refreshed refreshed -> {
              SecretValues updated = refreshed.tokens().replacingTokensOf(secrets);
              credentials.write(location, updated, inStore.version());
              updateFieldNames(connection.id(), environment, updated.fieldNames());
              changes.changed(
                  AuditEvent.oauth2Grant(
                      AuditEvent.RUNTIME_ACTOR,
                      clock.instant(),
                      connection,
                      environment,
                      refreshed.tokens().asSecretFields().keySet()));
            }
            case RefreshOutcome.Rejected rejected -> {
              jdbc.sql(
                      "update connection_environment set oauth2_reauthorization_reason = :reason"
                          + " where connection_id = :id and environment = :env")
                  .param("reason", rejected.reason())
                  .param("id", connection.id())
                  .param("env", environment.name())
                  .update();
              changes.changed(
                  AuditEvent.oauth2Grant(
                      AuditEvent.RUNTIME_ACTOR,
                      clock.instant(),
                      connection,
                      environment,
                      List.of(REAUTHORIZATION_MARK)));
            }
            default -> {
              // the stored tokens are still good: nothing to write
            }
          }
          return outcome;
        });
  }

  private void updateFieldNames(
      UUID connectionId, Environment environment, Collection<String> names) {
    Set<String> sorted = new TreeSet<>(names);
    jdbc.sql(
            "update connection_environment set secret_fields_set = :names where connection_id = :id and environment = :env")
        .param("names", sorted.toArray(String[]::new))
        .param("id", connectionId)
        .param("env", environment.name())
        .update();
  }

  /** Decides, under the environment's lock, what to do with the stored tokens. */
  @FunctionalInterface
  public interface Refresher {
    RefreshOutcome refresh(StoredTokens stored);
  }

  /** What a refresh came to. */
  public sealed interface RefreshOutcome {

    /** The stored tokens are usable as they are (another instance refreshed them meanwhile). */
    record Current(StoredTokens tokens) implements RefreshOutcome {}

    /** New tokens from the authorization server, now stored. */
    record Refreshed(StoredTokens tokens) implements RefreshOutcome {}

    /**
     * The server refused the refresh token; the environment is now marked. The reason holds no
     * token.
     */
    record Rejected(String reason) implements RefreshOutcome {}

    /** Marked earlier; nothing was sent. */
    record NeedsReauthorization(String reason) implements RefreshOutcome {}

    /** Nobody has used "Connect" for the environment yet. */
    record NotAuthorized() implements RefreshOutcome {}
  }
}
