package dev.flowconnections.runtime.sql;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Which JDBC driver serves a database vendor, which URL schemes fit it, and how to bound its login
 * time. Checked before a pool is built, so a connection whose vendor says PostgreSQL but whose URL
 * points at MySQL, or whose URL the driver cannot parse, fails with a message naming the field
 * instead of a driver stack trace. Messages never repeat the URL: some carry a password parameter.
 */
final class JdbcUrls {

  /**
   * @param loginTimeoutProperty the driver property that bounds connecting and logging in
   * @param inMillis whether that property counts milliseconds rather than seconds
   */
  private record Vendor(
      String driverClass, List<String> schemes, String loginTimeoutProperty, boolean inMillis) {}

  private static final Map<String, Vendor> VENDORS =
      Map.of(
          "POSTGRESQL",
              new Vendor(
                  "org.postgresql.Driver", List.of("jdbc:postgresql:"), "loginTimeout", false),
          // MariaDB's driver serves MySQL too; jdbc:mysql: URLs need its permitMysqlScheme option
          "MARIADB",
              new Vendor(
                  "org.mariadb.jdbc.Driver",
                  List.of("jdbc:mariadb:", "jdbc:mysql:"),
                  "connectTimeout",
                  true),
          "MYSQL",
              new Vendor(
                  "org.mariadb.jdbc.Driver",
                  List.of("jdbc:mysql:", "jdbc:mariadb:"),
                  "connectTimeout",
                  true),
          "SQLSERVER",
              new Vendor(
                  "com.microsoft.sqlserver.jdbc.SQLServerDriver",
                  List.of("jdbc:sqlserver:"),
                  "loginTimeout",
                  false),
          "ORACLE",
              new Vendor(
                  "oracle.jdbc.OracleDriver",
                  List.of("jdbc:oracle:"),
                  "oracle.net.CONNECT_TIMEOUT",
                  true),
          "SQLITE", new Vendor("org.sqlite.JDBC", List.of("jdbc:sqlite:"), null, false));

  /**
   * Host names, IPv4 addresses and bracketed IPv6 addresses; nothing that could add a parameter.
   */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}]");

  /** Database and Oracle service names; no separator a driver reads parameters after. */
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_.$-]{0,127}");

  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of("POSTGRESQL", 5432, "MARIADB", 3306, "MYSQL", 3306, "SQLSERVER", 1433, "ORACLE", 1521);

  private JdbcUrls() {}

  /**
   * The URL a connection reaches its database at: the integration's {@code jdbcUrl}, or one built
   * from the connection environment's {@code host}, {@code port} and {@code database} (as a
   * catalogue integration, which cannot know the server, leaves them to each connection). Parts are
   * checked against strict patterns, so none can smuggle a driver parameter (a PostgreSQL {@code
   * socketFactory}, say) into the URL.
   *
   * @throws IllegalArgumentException naming the field at fault, never its value
   */
  static String forConnection(ResolvedConnection connection) {
    String vendor = connection.text("vendor").orElse(null);
    Optional<String> jdbcUrl = connection.text("jdbcUrl").map(String::strip);
    if (jdbcUrl.isPresent() && !jdbcUrl.get().isEmpty()) {
      return forDriver(vendor, jdbcUrl.get());
    }
    vendorOf(vendor);
    String database = connection.text("database").map(String::strip).orElse("");
    if ("SQLITE".equals(vendor)) {
      // An SQLite "server" is a file on the runtime's own host: a connection (any USER) naming it
      // could open or create any file the runtime may write. Only an admin's jdbcUrl names it.
      throw new IllegalArgumentException(
          "jdbcUrl is required for SQLite: the database file is on the runtime's host, so the"
              + " integration names it, never a connection");
    }
    String host = connection.text("host").map(String::strip).orElse("");
    if (host.isEmpty()) {
      throw new IllegalArgumentException(
          "host is required: the integration has no jdbcUrl, so each connection names its server");
    }
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("host must be a host name or an IP address");
    }
    int port = port(connection.text("port").orElse(null), DEFAULT_PORTS.get(vendor));
    if (!database.isEmpty() && !DATABASE.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "database must be a database name (letters, digits, '_', '.', '$', '-')");
    }
    if ("ORACLE".equals(vendor) && database.isEmpty()) {
      throw new IllegalArgumentException("database (the Oracle service name) is required");
    }
    String address = host + ":" + port;
    String url =
        switch (vendor) {
          case "POSTGRESQL" -> "jdbc:postgresql://" + address + "/" + database;
          case "MARIADB" -> "jdbc:mariadb://" + address + "/" + database;
          case "MYSQL" -> "jdbc:mysql://" + address + "/" + database;
          case "SQLSERVER" ->
              "jdbc:sqlserver://"
                  + address
                  + (database.isEmpty() ? "" : ";databaseName=" + database);
          case "ORACLE" -> "jdbc:oracle:thin:@//" + address + "/" + database;
          default -> throw new IllegalArgumentException("vendor " + vendor + " has no host");
        };
    return forDriver(vendor, url);
  }

  private static int port(String value, int defaultPort) {
    if (value == null || value.isBlank()) {
      return defaultPort;
    }
    try {
      int port = new java.math.BigDecimal(value.strip()).intValueExact();
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // falls through to the message naming the field
    }
    throw new IllegalArgumentException("port must be a whole number from 1 to 65535");
  }

  static String driverClass(String vendor) {
    return vendorOf(vendor).driverClass();
  }

  /**
   * The URL to hand the driver, after checking that it fits the vendor and that the vendor's driver
   * accepts it.
   *
   * @throws IllegalArgumentException naming {@code vendor} or {@code jdbcUrl}, never the URL itself
   */
  static String forDriver(String vendor, String jdbcUrl) {
    Vendor v = vendorOf(vendor);
    String url = jdbcUrl == null ? "" : jdbcUrl.strip();
    if (v.schemes().stream().noneMatch(url::startsWith)) {
      throw new IllegalArgumentException(
          "jdbcUrl must start with " + String.join(" or ", v.schemes()) + " for vendor " + vendor);
    }
    if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
      url = url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }
    if (!accepts(vendor, url)) {
      throw new IllegalArgumentException(
          "jdbcUrl is not a URL the "
              + vendor
              + " driver accepts; check its host, port and database parts");
    }
    hosts(url).forEach(OutboundAddressPolicy.current()::check); // before the driver connects
    return url;
  }

  /**
   * The hosts of a URL with an authority ({@code jdbc:postgresql://a:5432,b:5432/db}, {@code
   * jdbc:sqlserver://h:1433;...}); none for Oracle's {@code @host:port:sid} form and SQLite.
   */
  static List<String> hosts(String url) {
    int start = url.indexOf("//");
    if (start < 0) {
      return List.of();
    }
    String rest = url.substring(start + 2);
    int end = rest.length();
    for (char c : new char[] {'/', ';', '?'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    List<String> hosts = new java.util.ArrayList<>();
    for (String part : rest.substring(0, end).split(",")) {
      String host = part.substring(part.lastIndexOf('@') + 1);
      if (host.startsWith("[")) {
        host = host.substring(0, Math.max(host.indexOf(']') + 1, 1));
      } else if (host.contains(":")) {
        host = host.substring(0, host.indexOf(':'));
      }
      if (!host.isBlank()) {
        hosts.add(host);
      }
    }
    return hosts;
  }

  /** Driver properties that make connecting and logging in give up after {@code seconds}. */
  static Properties loginTimeout(String vendor, int seconds) {
    Vendor v = vendorOf(vendor);
    Properties properties = new Properties();
    if (v.loginTimeoutProperty() != null) {
      properties.setProperty(
          v.loginTimeoutProperty(), String.valueOf(v.inMillis() ? seconds * 1000L : seconds));
    }
    return properties;
  }

  private static Vendor vendorOf(String vendor) {
    Vendor v = vendor == null ? null : VENDORS.get(vendor);
    if (v == null) {
      throw new IllegalArgumentException(
          "vendor must be one of " + VENDORS.keySet().stream().sorted().toList());
    }
    return v;
  }

  /**
   * A driver instance of its own for the vendor: asking it about a URL, or connecting through it,
   * never depends on what DriverManager has registered.
   */
  static Driver driver(String vendor) {
    String driverClass = vendorOf(vendor).driverClass();
    try {
      return (Driver) Class.forName(driverClass).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException(
          "the JDBC driver " + driverClass + " is not on the classpath", e);
    }
  }

  private static boolean accepts(String vendor, String url) {
    try {
      return driver(vendor).acceptsURL(url);
    } catch (SQLException e) {
      return false;
    }
  }
}
