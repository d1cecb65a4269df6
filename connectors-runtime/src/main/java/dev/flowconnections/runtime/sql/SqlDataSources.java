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
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * One small HikariCP pool per (organization, connection, environment). A pool is built on first
 * use and only kept once its first connection succeeded; when the connection's URL or credentials
 * change (seen by a fingerprint that never holds the password itself, or by a change event) the
 * old pool is closed and a new one built.
 */
public class SqlDataSources implements DisposableBean {

  static final int MAX_POOL_SIZE = 4;

  private record PoolKey(String organizationId, String connectionKey, Environment environment) {}

  private record Pool(String fingerprint, HikariDataSource dataSource) {}

  private final Map<PoolKey, Pool> pools = new ConcurrentHashMap<>();

  /**
   * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException when no first connection
   *     can be made; no pool is left behind then
   */
  public DataSource get(String organizationId, ResolvedConnection connection) {
    PoolKey key = new PoolKey(organizationId, connection.key(), connection.environment());
    String fingerprint = fingerprint(connection);
    Pool current = pools.get(key);
    if (current != null && current.fingerprint().equals(fingerprint)) {
      return current.dataSource();
    }
    synchronized (this) {
      current = pools.get(key);
      if (current != null && current.fingerprint().equals(fingerprint)) {
        return current.dataSource();
      }
      if (current != null) {
        pools.remove(key);
        current.dataSource().close();
      }
      HikariDataSource dataSource = open(key, connection);
      pools.put(key, new Pool(fingerprint, dataSource));
      return dataSource;
    }
  }

  /** Drops a pool whose database became unreachable, so the next job starts afresh. */
  public void evict(String organizationId, ResolvedConnection connection) {
    Pool pool = pools.remove(new PoolKey(organizationId, connection.key(), connection.environment()));
    if (pool != null) {
      pool.dataSource().close();
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  public void onChange(ResolutionInputsChanged change) {
    // Connections may be gone or rotated: their pools are rebuilt lazily on the next job.
    pools.entrySet().removeIf(entry -> {
      if (entry.getKey().organizationId().equals(change.organizationId())) {
        entry.getValue().dataSource().close();
        return true;
      }
      return false;
    });
  }

  public int openPools() {
    return pools.size();
  }

  @Override
  public void destroy() {
    pools.values().forEach(pool -> pool.dataSource().close());
    pools.clear();
  }

  private static HikariDataSource open(PoolKey key, ResolvedConnection connection) {
    String vendor = connection.text("vendor").orElse(null);
    HikariConfig config = new HikariConfig();
    config.setPoolName("fc-sql-" + key.connectionKey() + "-" + key.environment().name().toLowerCase());
    config.setDriverClassName(JdbcUrls.driverClass(vendor));
    config.setJdbcUrl(JdbcUrls.forDriver(vendor, connection.text("jdbcUrl").orElse(null)));
    connection.text(FieldCatalog.USERNAME).ifPresent(config::setUsername);
    connection.text(FieldCatalog.PASSWORD).ifPresent(config::setPassword);
    config.setMaximumPoolSize(MAX_POOL_SIZE);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(10_000);
    config.setValidationTimeout(5_000);
    config.setIdleTimeout(60_000);
    // Fail fast: the pool makes its first connection now and, if that fails, shuts itself down and
    // throws with the driver's reason (wrong password, unknown host) instead of timing out later.
    config.setInitializationFailTimeout(1);
    return new HikariDataSource(config);
  }

  private static String fingerprint(ResolvedConnection connection) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String field : new String[] {"vendor", "jdbcUrl", FieldCatalog.USERNAME, FieldCatalog.PASSWORD}) {
        digest.update(connection.text(field).orElse("").getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
