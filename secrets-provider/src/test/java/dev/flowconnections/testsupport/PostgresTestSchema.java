package dev.flowconnections.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostgreSQL schema per test JVM on the real server (never H2): tests see an empty database
 * that Flyway migrates, and schemas of earlier runs are dropped once they are an hour old. Override
 * the server with FC_TEST_DB_URL / FC_TEST_DB_USER / FC_TEST_DB_PASSWORD.
 */
public final class PostgresTestSchema {

  public static final String URL = env("FC_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER = env("FC_TEST_DB_USER", "postgres");
  public static final String PASSWORD = env("FC_TEST_DB_PASSWORD", "");

  private static final String PREFIX = "fc_test_";
  private static String schema;

  private PostgresTestSchema() {}

  /** The schema of this JVM, created on first use. */
  public static synchronized String schema() {
    if (schema == null) {
      long now = Instant.now().getEpochSecond();
      schema =
          PREFIX
              + now
              + "_"
              + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xfffffff);
      try (Connection c = connect();
          Statement st = c.createStatement()) {
        dropStale(c, now);
        st.execute("create schema " + schema);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "PostgreSQL is needed for the tests at "
                + URL
                + " (user "
                + USER
                + "): "
                + e.getMessage(),
            e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestSchema::drop));
    }
    return schema;
  }

  public static String jdbcUrl() {
    return jdbcUrl(schema());
  }

  public static String jdbcUrl(String schema) {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /**
   * One more fresh schema, for tests whose effects span the whole database (a master key rotation
   * re-seals every row) and must not reach the other tests of this JVM. Dropped like the first.
   */
  public static String extraSchema() {
    schema();
    String extra =
        PREFIX
            + Instant.now().getEpochSecond()
            + "_"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xfffffff);
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute("create schema " + extra);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create test schema " + extra + ": " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(extra)));
    return extra;
  }

  /** One more fresh schema ({@link #extraSchema()}), migrated by Flyway to the newest version. */
  public static String migratedExtraSchema() {
    return migratedExtraSchema(MigrationVersion.LATEST);
  }

  /** One more fresh schema ({@link #extraSchema()}), migrated by Flyway up to {@code target}. */
  public static String migratedExtraSchema(MigrationVersion target) {
    String extra = extraSchema();
    Flyway.configure()
        .dataSource(jdbcUrl(extra), USER, PASSWORD)
        .schemas(extra)
        .defaultSchema(extra)
        .locations("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
    return extra;
  }

  /** Points Spring's datasource and Flyway at this JVM's schema. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresTestSchema::jdbcUrl);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
    registry.add("spring.flyway.schemas", PostgresTestSchema::schema);
    registry.add("spring.flyway.default-schema", PostgresTestSchema::schema);
    // Spring caches one context per test configuration and each keeps its pool open: small pools
    // keep a whole module's contexts well below PostgreSQL's max_connections (100 by default).
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
    registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, USER, PASSWORD);
  }

  private static void dropStale(Connection c, long now) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select nspname from pg_namespace where nspname like '" + PREFIX + "%'")) {
      while (rs.next()) {
        String name = rs.getString(1);
        String[] parts = name.substring(PREFIX.length()).split("_");
        try {
          if (now - Long.parseLong(parts[0]) > Duration.ofHours(1).toSeconds()) {
            stale.add(name);
          }
        } catch (NumberFormatException ignored) {
          // not one of ours
        }
      }
    }
    for (String name : stale) {
      try (Statement st = c.createStatement()) {
        st.execute("drop schema if exists " + name + " cascade");
      }
    }
  }

  private static void drop() {
    drop(schema);
  }

  private static void drop(String name) {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute("drop schema if exists " + name + " cascade");
    } catch (SQLException ignored) {
      // best effort; the next run drops it once stale
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
