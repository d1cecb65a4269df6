package dev.flowconnections.schema;

import dev.flowconnections.errors.StartupConfigurationException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

/**
 * Makes sure the store's schema is one this jar can read before anything reads it. With {@link
 * SchemaMode#MIGRATE} Flyway (Spring Boot's, {@code spring.flyway.*}) migrates at start and this
 * only checks that Flyway is there; with {@link SchemaMode#VALIDATE} nothing changes the schema and
 * the version in Flyway's history table must equal the newest migration this jar carries, so a
 * runtime that lags behind or runs ahead of the one that migrates never reads a schema it does not
 * know.
 */
public class DatabaseSchema implements InitializingBean {

  static final String HISTORY_TABLE = "flyway_schema_history";
  private static final String UNDEFINED_TABLE = "42P01";

  private final SchemaMode mode;
  private final JdbcClient jdbc;
  private final SchemaVersion required;

  public DatabaseSchema(SchemaMode mode, JdbcClient jdbc) {
    this(mode, jdbc, BundledMigrations.latest());
  }

  DatabaseSchema(SchemaMode mode, JdbcClient jdbc, SchemaVersion required) {
    this.mode = mode;
    this.jdbc = jdbc;
    this.required = required;
  }

  @Override
  public void afterPropertiesSet() {
    if (mode == SchemaMode.MIGRATE) {
      requireFlyway();
    } else {
      validate();
    }
  }

  private static void requireFlyway() {
    if (!ClassUtils.isPresent("org.flywaydb.core.Flyway", DatabaseSchema.class.getClassLoader())) {
      throw new StartupConfigurationException(
          "flow-connections.schema.mode is migrate but Flyway is not on the classpath",
          "Add org.flywaydb:flyway-core and flyway-database-postgresql, or set FLOW_CONNECTIONS_SCHEMA_MODE=validate "
              + "and let the Flow Connections runtime migrate the database.");
    }
  }

  private void validate() {
    SchemaVersion found =
        installed()
            .orElseThrow(
                () ->
                    new StartupConfigurationException(
                        "the database has no Flow Connections schema (no "
                            + HISTORY_TABLE
                            + " table with applied migrations "
                            + "in the schema the database user sees)",
                        "Point FLOW_CONNECTIONS_DB_URL at the database of the Flow Connections runtime, or start that runtime "
                            + "once against this database: it creates the schema. This process never changes the schema "
                            + "(FLOW_CONNECTIONS_SCHEMA_MODE=validate)."));
    int comparison = found.compareTo(required);
    if (comparison < 0) {
      throw new StartupConfigurationException(
          "the database schema is at version "
              + found
              + ", older than version "
              + required
              + " this jar needs",
          "Upgrade the Flow Connections runtime that owns this database first (it migrates the schema at start), "
              + "then start this process.");
    }
    if (comparison > 0) {
      throw new StartupConfigurationException(
          "the database schema is at version "
              + found
              + ", newer than version "
              + required
              + " this jar was built for",
          "Use the secrets-provider jar of the same release as the Flow Connections runtime that migrated the database.");
    }
  }

  /** The newest migration Flyway applied successfully; empty when there is no history. */
  private Optional<SchemaVersion> installed() {
    List<String> versions;
    try {
      versions =
          jdbc.sql(
                  "select version from " + HISTORY_TABLE + " where success and version is not null")
              .query(String.class)
              .list();
    } catch (DataAccessException e) {
      if (e.getMostSpecificCause() instanceof SQLException sql
          && UNDEFINED_TABLE.equals(sql.getSQLState())) {
        return Optional.empty();
      }
      throw e;
    }
    return versions.stream().map(SchemaVersion::parse).max(SchemaVersion::compareTo);
  }
}
