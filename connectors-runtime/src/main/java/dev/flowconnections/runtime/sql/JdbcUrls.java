package dev.flowconnections.runtime.sql;

import java.util.List;
import java.util.Map;

/**
 * Which JDBC driver serves a database vendor and which URL schemes fit it. Checked before a pool
 * is built, so a connection whose vendor says PostgreSQL but whose URL points at MySQL fails with a
 * message naming the field instead of a driver stack trace.
 */
final class JdbcUrls {

  private record Vendor(String driverClass, List<String> schemes) {}

  private static final Map<String, Vendor> VENDORS = Map.of(
      "POSTGRESQL", new Vendor("org.postgresql.Driver", List.of("jdbc:postgresql:")),
      // MariaDB's driver serves MySQL too; jdbc:mysql: URLs need its permitMysqlScheme option
      "MARIADB", new Vendor("org.mariadb.jdbc.Driver", List.of("jdbc:mariadb:", "jdbc:mysql:")),
      "MYSQL", new Vendor("org.mariadb.jdbc.Driver", List.of("jdbc:mysql:", "jdbc:mariadb:")),
      "SQLSERVER", new Vendor("com.microsoft.sqlserver.jdbc.SQLServerDriver", List.of("jdbc:sqlserver:")),
      "ORACLE", new Vendor("oracle.jdbc.OracleDriver", List.of("jdbc:oracle:")),
      "SQLITE", new Vendor("org.sqlite.JDBC", List.of("jdbc:sqlite:")));

  private JdbcUrls() {}

  static String driverClass(String vendor) {
    return vendorOf(vendor).driverClass();
  }

  /** The URL to hand the driver, or an explanation of why it does not fit the vendor. */
  static String forDriver(String vendor, String jdbcUrl) {
    Vendor v = vendorOf(vendor);
    if (jdbcUrl == null || v.schemes().stream().noneMatch(jdbcUrl::startsWith)) {
      throw new IllegalArgumentException(
          "jdbcUrl must start with " + String.join(" or ", v.schemes()) + " for vendor " + vendor);
    }
    if (jdbcUrl.startsWith("jdbc:mysql:") && !jdbcUrl.contains("permitMysqlScheme")) {
      return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }
    return jdbcUrl;
  }

  private static Vendor vendorOf(String vendor) {
    Vendor v = vendor == null ? null : VENDORS.get(vendor);
    if (v == null) {
      throw new IllegalArgumentException("vendor must be one of " + VENDORS.keySet().stream().sorted().toList());
    }
    return v;
  }
}
