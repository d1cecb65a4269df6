package dev.flowconnections.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.credential.PostgresCredentialStore;
import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.crypto.MasterKeyRing;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.invalidation.ChangeChannel;
import dev.flowconnections.invalidation.ChangeHandler;
import dev.flowconnections.invalidation.ChangeListener;
import dev.flowconnections.invalidation.DataSourceListenerConnections;
import dev.flowconnections.metrics.ResolutionMetrics;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.resolution.CachingOrgSecretValues;
import dev.flowconnections.resolution.StoreConnectionResolver;
import dev.flowconnections.secret.OrgSecretRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Another "runtime instance" in the same JVM: its own pool on this JVM's test schema, its own
 * cipher, store and resolver cache, and optionally its own change listener, built by hand without
 * Spring so nothing is shared with the test's application context.
 */
public final class RuntimeInstance implements AutoCloseable {

  public final HikariDataSource dataSource;
  public final JdbcClient jdbc;
  public final PostgresCredentialStore store;
  public final OrgSecretRepository orgSecrets;

  /** Org secret values as the runtime reads them: cached, evicted like the resolver's entries. */
  public final CachingOrgSecretValues orgSecretValues;

  public final CachingConnectionResolver resolver;
  public final ChangeListener listener;

  /**
   * The organizations whose change notifications this instance has handled (evicted for), in order.
   */
  public final List<String> organizationsHeard = new CopyOnWriteArrayList<>();

  private RuntimeInstance(MasterKeyRing keys, Duration cacheTtl, boolean listening) {
    this(PostgresTestSchema.jdbcUrl(), keys, cacheTtl, listening);
  }

  private RuntimeInstance(
      String jdbcUrl, MasterKeyRing keys, Duration cacheTtl, boolean listening) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(PostgresTestSchema.USER);
    config.setPassword(PostgresTestSchema.PASSWORD);
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(0);
    config.setPoolName("runtime-instance");
    dataSource = new HikariDataSource(config);
    jdbc = JdbcClient.create(dataSource);
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    EnvelopeCipher cipher = new EnvelopeCipher(keys);
    store = new PostgresCredentialStore(jdbc, cipher, json, Clock.systemUTC());
    orgSecrets = new OrgSecretRepository(jdbc, cipher);
    orgSecretValues =
        new CachingOrgSecretValues(orgSecrets, cacheTtl, 1_000, ResolutionMetrics.none());
    resolver =
        new CachingConnectionResolver(
            new StoreConnectionResolver(
                new ConnectionRepository(jdbc, json),
                new IntegrationRepository(jdbc, json),
                store,
                orgSecretValues),
            cacheTtl,
            1_000);
    listener =
        listening
            ? new ChangeListener(
                new DataSourceListenerConnections(dataSource),
                new ChangeChannel(ChangeChannel.DEFAULT),
                evicting(orgSecretValues, resolver, organizationsHeard))
            : null;
    if (listener != null) {
      listener.start();
    }
  }

  /**
   * An instance with the test master key, listening for changes, and a cache TTL far beyond any
   * test.
   */
  public static RuntimeInstance listening() {
    return new RuntimeInstance(testKeys(), Duration.ofMinutes(10), true);
  }

  /** The same without a listener: only its TTL ends a cached entry. */
  public static RuntimeInstance deaf() {
    return new RuntimeInstance(testKeys(), Duration.ofMinutes(10), false);
  }

  /** An instance with the given keys (rotation tests), not listening. */
  public static RuntimeInstance withKeys(MasterKeyRing keys) {
    return new RuntimeInstance(keys, Duration.ofMinutes(10), false);
  }

  /** An instance with the given keys on the given schema, not listening. */
  public static RuntimeInstance withKeys(MasterKeyRing keys, String schema) {
    return new RuntimeInstance(
        PostgresTestSchema.jdbcUrl(schema), keys, Duration.ofMinutes(10), false);
  }

  public static MasterKeyRing testKeys() {
    return new MasterKeyRing(
        "k1", Map.of("k1", Base64.getDecoder().decode(DatabaseTest.TEST_MASTER_KEY)));
  }

  private static ChangeHandler evicting(
      CachingOrgSecretValues orgSecretValues,
      CachingConnectionResolver resolver,
      List<String> heard) {
    return new ChangeHandler() {
      @Override
      public void organizationChanged(String organizationId) {
        orgSecretValues.evictOrganization(organizationId);
        resolver.evictOrganization(organizationId);
        heard.add(organizationId);
      }

      @Override
      public void changesMayHaveBeenMissed() {
        orgSecretValues.evictAll();
        resolver.evictAll();
      }
    };
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
    dataSource.close();
  }
}
