package dev.flowconnections.starter;

import dev.flowconnections.testsupport.PostgresTestSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Fresh schemas of the store as the Flow Connections runtime leaves them (it migrates with Flyway),
 * for a runtime that only reads.
 */
final class StoreSchemas {

  private StoreSchemas() {}

  /** A schema nobody migrated: no tables, no Flyway history. */
  static String empty() {
    return PostgresTestSchema.extraSchema();
  }

  static String migrated() {
    return migratedTo(MigrationVersion.LATEST);
  }

  static String migratedTo(MigrationVersion target) {
    return PostgresTestSchema.migratedExtraSchema(target);
  }

  /** A history that says a later release migrated the schema further than this jar knows. */
  static String migratedByALaterRelease() {
    String schema = migrated();
    execute(
        schema,
        "insert into flyway_schema_history (installed_rank, version, description, type, script, "
            + "checksum, installed_by, execution_time, success) select max(installed_rank) + 1, '99', 'later release', "
            + "'SQL', 'V99__later_release.sql', 0, current_user, 0, true from flyway_schema_history");
    return schema;
  }

  /** The version of the newest migration Flyway applied. */
  static String installedVersion(String schema) {
    try (Connection c = connect(schema);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select version from flyway_schema_history where success order by installed_rank desc limit 1")) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String schema, String sql) {
    try (Connection c = connect(schema);
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect(String schema) throws SQLException {
    return DriverManager.getConnection(
        PostgresTestSchema.jdbcUrl(schema), PostgresTestSchema.USER, PostgresTestSchema.PASSWORD);
  }
}
