package dev.flowconnections.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The drop-in jar holds our auto-configuration, failure analyzers and migrations, the libraries
 * Camunda's connectors bundle image lacks (Caffeine moved under our package), and nothing the image
 * already has.
 */
@Tag("fast")
class BundleJarContentsIT {

  /**
   * Packages of Camunda's bundle image (Spring Boot, Spring, Jackson, Micrometer, its PostgreSQL
   * driver...).
   */
  private static final List<String> THE_IMAGES =
      List.of(
          "org/springframework/boot/",
          "org/springframework/core/",
          "org/springframework/context/",
          "org/springframework/beans/",
          "org/springframework/web/",
          "com/fasterxml/jackson/",
          "io/micrometer/",
          "io/camunda/",
          "org/postgresql/",
          "org/hibernate/",
          "org/slf4j/",
          "ch/qos/logback/",
          // never needed by a runtime that only validates the schema
          "org/flywaydb/",
          // relocated
          "com/github/benmanes/caffeine/");

  @Test
  void autoConfigurationFailureAnalyzersAndDatabaseSettingsAreRegistered() throws IOException {
    try (JarFile jar = new JarFile(BundleJar.path().toFile())) {
      assertThat(
              text(
                  jar,
                  "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))
          .contains("dev.flowconnections.autoconfigure.FlowConnectionsAutoConfiguration");
      assertThat(text(jar, "META-INF/spring.factories"))
          .contains("dev.flowconnections.autoconfigure.StartupFailureAnalyzer")
          .contains("dev.flowconnections.autoconfigure.DatabaseFailureAnalyzer")
          .contains("dev.flowconnections.autoconfigure.DatabaseEnvironment");
      assertThat(jar.getEntry("dev/flowconnections/secretprovider/ConnectionsSecretProvider.class"))
          .isNotNull();
    }
  }

  @Test
  void everyMigrationTheSchemaCheckComparesWithIsInside() throws IOException {
    List<String> migrations;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      migrations = files.map(f -> "db/migration/" + f.getFileName()).toList();
    }
    try (JarFile jar = new JarFile(BundleJar.path().toFile())) {
      assertThat(migrations)
          .isNotEmpty()
          .allSatisfy(m -> assertThat(jar.getEntry(m)).as(m).isNotNull());
      assertThat(jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith("db/migration/V")))
          .hasSameSizeAs(migrations);
    }
  }

  @Test
  void carriesWhatTheImageLacksAndNothingItHas() throws IOException {
    try (JarFile jar = new JarFile(BundleJar.path().toFile())) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();
      assertThat(names)
          .contains(
              "org/springframework/jdbc/core/simple/JdbcClient.class",
              "org/springframework/transaction/support/TransactionTemplate.class",
              "com/zaxxer/hikari/HikariDataSource.class",
              "org/springframework/vault/core/VaultTemplate.class",
              "dev/flowconnections/bundle/caffeine/cache/Caffeine.class");
      assertThat(names).noneMatch(name -> THE_IMAGES.stream().anyMatch(name::startsWith));
    }
  }

  private static String text(JarFile jar, String entry) throws IOException {
    ZipEntry found = jar.getEntry(entry);
    assertThat(found).as(entry).isNotNull();
    try (InputStream in = jar.getInputStream(found)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
