package dev.flowconnections.invalidation;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Opens the listener's connection beside the pool when the pool is HikariCP (same URL and login),
 * so the pool does not lose a connection for good and its max-lifetime never cuts the listener off.
 * Other data sources lend one of theirs.
 */
public final class DataSourceListenerConnections implements ListenerConnectionFactory {

  private final DataSource dataSource;

  public DataSourceListenerConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection open() throws SQLException {
    HikariDataSource hikari = hikari();
    if (hikari == null || hikari.getJdbcUrl() == null) {
      return dataSource.getConnection();
    }
    Properties login = new Properties();
    if (hikari.getUsername() != null) {
      login.setProperty("user", hikari.getUsername());
    }
    if (hikari.getPassword() != null) {
      login.setProperty("password", hikari.getPassword());
    }
    login.setProperty("ApplicationName", "flow-connections change listener");
    return DriverManager.getConnection(hikari.getJdbcUrl(), login);
  }

  private HikariDataSource hikari() throws SQLException {
    if (dataSource instanceof HikariDataSource direct) {
      return direct;
    }
    return dataSource.isWrapperFor(HikariDataSource.class)
        ? dataSource.unwrap(HikariDataSource.class)
        : null;
  }
}
