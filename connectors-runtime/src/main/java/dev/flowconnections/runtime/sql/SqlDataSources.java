package dev.flowconnections.runtime.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.resolution.ResolutionInputsChanged;
import dev.flowconnections.resolution.ResolvedConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * One small HikariCP pool per (organization, connection, environment). A pool is built on first use
 * and only kept once its first connection succeeded; when the connection's URL or credentials
 * change (seen by a fingerprint that never holds the password itself, or by a change event) the old
 * pool is retired, closing once its running statements are done, and a new one is built.
 */
public class SqlDataSources implements DisposableBean {

  static final int MAX_POOL_SIZE = 4;
  static final int LOGIN_TIMEOUT_SECONDS = 10;

  /** Longer than the longest statement a task may run, so retiring a pool cuts no job short. */
  static final Duration RETIREMENT_GRACE = Duration.ofSeconds(SqlRequest.MAX_QUERY_TIMEOUT + 30);

  private record PoolKey(String organizationId, String connectionKey, Environment environment) {}

  private record Pool(String fingerprint, HikariDataSource dataSource) {}

  private final Map<PoolKey, Pool> pools = new ConcurrentHashMap<>();

  /** Building a pool connects to the database; one slow server must not hold up the others. */
  private final Map<PoolKey, Object> buildLocks = new ConcurrentHashMap<>();

  private final PoolRetirement retirement = new PoolRetirement(RETIREMENT_GRACE);
  private volatile boolean closed;

  /**
   * @throws IllegalArgumentException when vendor or URL are unusable (see {@link JdbcUrls})
   * @throws RuntimeException (HikariCP's PoolInitializationException) when no first connection can
   *     be made; no pool is left behind then
   */
  public DataSource get(String organizationId, ResolvedConnection connection) {
    PoolKey key = new PoolKey(organizationId, connection.key(), connection.environment());
    String fingerprint = fingerprint(connection);
    Pool current = pools.get(key);
    if (current != null && current.fingerprint().equals(fingerprint)) {
      return current.dataSource();
    }
    synchronized (buildLocks.computeIfAbsent(key, k -> new Object())) {
      if (closed) {
        throw new IllegalStateException("the runtime is shutting down; SQL pools are closed");
      }
      current = pools.get(key);
      if (current != null && current.fingerprint().equals(fingerprint)) {
        return current.dataSource();
      }
      if (current != null && pools.remove(key, current)) {
        retirement.retire(current.dataSource());
      }
      HikariDataSource dataSource = open(key, connection);
      pools.put(key, new Pool(fingerprint, dataSource));
      return dataSource;
    }
  }

  /** Drops a pool whose database became unreachable, so the next job starts afresh. */
  public void evict(String organizationId, ResolvedConnection connection) {
    Pool pool =
        pools.remove(new PoolKey(organizationId, connection.key(), connection.environment()));
    if (pool != null) {
      retirement.retire(pool.dataSource());
    }
  }

  /**
   * Connections of the organization may have been deleted or rotated: their pools are retired and
   * rebuilt lazily by the next job. (Rotations are also caught by the fingerprint; deletions only
   * here, or the pool of a deleted connection would stay open until shutdown.)
   */
  @TransactionalEventListener(fallbackExecution = true)
  public void onChange(ResolutionInputsChanged change) {
    pools.forEach(
        (key, pool) -> {
          if (key.organizationId().equals(change.organizationId()) && pools.remove(key, pool)) {
            retirement.retire(pool.dataSource());
          }
        });
  }

  /** Pools currently handed out to jobs. */
  public int openPools() {
    return pools.size();
  }

  /** Pools replaced or dropped whose last statements are still running. */
  int retiringPools() {
    return retirement.retiringCount();
  }

  @Override
  public void destroy() {
    closed = true;
    pools.values().forEach(pool -> pool.dataSource().close());
    pools.clear();
    retirement.close();
  }

  private static HikariDataSource open(PoolKey key, ResolvedConnection connection) {
    String vendor = connection.text("vendor").orElse(null);
    HikariConfig config = new HikariConfig();
    config.setPoolName(
        "fc-sql-" + key.connectionKey() + "-" + key.environment().name().toLowerCase(Locale.ROOT));
    config.setDriverClassName(JdbcUrls.driverClass(vendor));
    config.setJdbcUrl(JdbcUrls.forConnection(connection));
    config.setDataSourceProperties(JdbcUrls.loginTimeout(vendor, LOGIN_TIMEOUT_SECONDS));
    connection.text(FieldCatalog.USERNAME).ifPresent(config::setUsername);
    connection.text(FieldCatalog.PASSWORD).ifPresent(config::setPassword);
    config.setMaximumPoolSize(MAX_POOL_SIZE);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(Duration.ofSeconds(LOGIN_TIMEOUT_SECONDS).toMillis());
    config.setValidationTimeout(5_000);
    config.setIdleTimeout(60_000);
    // Fail fast: the pool makes its first connection now and, if that fails, shuts itself down and
    // throws with the driver's reason (wrong password, unknown host) instead of timing out later.
    config.setInitializationFailTimeout(1);
    return new HikariDataSource(config);
  }

  /** SHA-256 over what a pool is built from; the registry never keeps the password itself. */
  private static String fingerprint(ResolvedConnection connection) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String field :
          new String[] {
            "vendor",
            "jdbcUrl",
            "host",
            "port",
            "database",
            FieldCatalog.USERNAME,
            FieldCatalog.PASSWORD
          }) {
        digest.update(connection.text(field).orElse("").getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
