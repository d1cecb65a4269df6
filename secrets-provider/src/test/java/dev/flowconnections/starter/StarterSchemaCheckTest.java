package dev.flowconnections.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowconnections.schema.BundledMigrations;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A runtime that only reads the store (the default schema mode) refuses to start with one readable
 * line when the schema is missing or not at the version of the migrations this jar was built with,
 * and never changes the schema.
 */
@ExtendWith(OutputCaptureExtension.class)
class StarterSchemaCheckTest {

  private static final String REQUIRED = BundledMigrations.latest().toString();

  @Test
  void aDatabaseWithoutTheSchema(CapturedOutput output) {
    String empty = StoreSchemas.empty();

    assertFailsWith(
        empty,
        output,
        "Flow Connections cannot start: the database has no Flow Connections schema");
  }

  @Test
  void aSchemaOlderThanThisJar(CapturedOutput output) {
    String older = StoreSchemas.migratedTo(MigrationVersion.fromVersion("8"));

    assertFailsWith(
        older,
        output,
        "Flow Connections cannot start: the database schema is at version 8, older than version "
            + REQUIRED
            + " this jar needs");
    assertThat(output)
        .contains("Upgrade the Flow Connections runtime that owns this database first");
    assertThat(StoreSchemas.installedVersion(older)).as("validate never migrates").isEqualTo("8");
  }

  @Test
  void aSchemaNewerThanThisJar(CapturedOutput output) {
    assertFailsWith(
        StoreSchemas.migratedByALaterRelease(),
        output,
        "Flow Connections cannot start: the database schema is at version 99, newer than version "
            + REQUIRED
            + " this jar was built for");
  }

  private static void assertFailsWith(String schema, CapturedOutput output, String line) {
    Throwable failure =
        catchThrowable(
            () -> SampleRuntime.start(SampleRuntime.environmentVariables(schema)).close());

    assertThat(failure).as("the runtime must not start").isNotNull();
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains(line);
  }
}
