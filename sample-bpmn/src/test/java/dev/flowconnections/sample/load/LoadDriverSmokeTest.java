package dev.flowconnections.sample.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.sample.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/load} at a tiny size (2 organizations × 20 connections × 4 environments, 20 jobs), in
 * a JVM of its own (its application must be the only runtime with an in-memory engine in its JVM),
 * so the driver cannot rot: every measurement runs and the report has its rows. Numbers are not
 * checked; a missed target is not a failure.
 */
class LoadDriverSmokeTest {

  private final String schema =
      "load_smoke_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  private final String[] arguments =
      ("--orgs 2 --connections 20 --small-org-connections 5 --jobs 20 --requests 5"
              + " --resolutions 10 --no-warm-start --schema "
              + schema)
          .split(" ");
  private final LoadOptions options = LoadOptions.parse(arguments);

  @AfterEach
  void dropSchema() {
    LoadSeeder.dropSchema(options);
  }

  @Test
  void measuresEverythingAtATinySize(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("load-report.md");
    try (ChildJvm driver =
        ChildJvm.start(
            dir.resolve("output.txt"),
            LoadDriver.class,
            concat(arguments, "--report", report.toString()))) {
      assertThat(driver.awaitExit()).as("exit code; output:%n%s", driver.output()).isZero();
      String text = Files.readString(report);
      assertThat(text)
          .contains("| Metric | Value | Target | Met? |")
          .contains("start-up, first in this JVM, empty schema")
          .contains("seeding 25 connections")
          .contains("big org: list connections, first page")
          .contains("small org: search connections by name fragment")
          .contains("big org: template generation")
          .contains("resolution cold, no edits")
          .contains("credential edits/s in the same organization")
          .contains("jobs/s, REST worker (20 instances")
          .contains("REST worker / hand-written worker")
          .contains("heap used after a full GC")
          .contains("Machine: ")
          .contains("PostgreSQL ");
      assertThat(driver.output()).as("no secret is printed").doesNotContain("load-secret-");
    }
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  @Test
  void parsesTheCommandLine() {
    LoadOptions defaults = LoadOptions.parse();
    assertThat(defaults.orgs()).isEqualTo(100);
    assertThat(defaults.connections()).isEqualTo(10_000);
    assertThat(defaults.smallOrgConnections()).isEqualTo(100);
    assertThat(defaults.schema()).isEqualTo("flow_load");
    assertThat(LoadOptions.parse("--spring.profiles.active=demo", "--reseed").reseed()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LoadOptions.parse("--schema", "x; drop"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
