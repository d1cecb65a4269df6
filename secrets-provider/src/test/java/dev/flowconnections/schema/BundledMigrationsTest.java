package dev.flowconnections.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The version a validating runtime requires is the newest migration script of this module. */
@Tag("fast")
class BundledMigrationsTest {

  @Test
  void isTheNewestScriptOfThisModule() throws IOException {
    SchemaVersion newest;
    try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/db/migration"))) {
      newest =
          scripts
              .map(p -> p.getFileName().toString())
              .filter(name -> name.matches("V[0-9._]+__.*\\.sql"))
              .map(name -> SchemaVersion.parse(name.substring(1, name.indexOf("__"))))
              .max(SchemaVersion::compareTo)
              .orElseThrow();
    }

    assertThat(BundledMigrations.latest()).isEqualTo(newest);
  }

  @Test
  void theRootOfAClassIsWhereItsResourcesStart() {
    assertThat(BundledMigrations.rootOf(BundledMigrations.class))
        .isEqualTo(
            BundledMigrations.class
                .getClassLoader()
                .getResource("db/migration/")
                .toString()
                .replace("db/migration/", ""));
  }
}
