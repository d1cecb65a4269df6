package dev.flowconnections.starter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The drop-in jar that {@code package} built (maven-shade-plugin, classifier {@code bundle}). */
final class BundleJar {

  /**
   * What the jar carries besides our classes: the artifacts Camunda's connectors bundle image
   * lacks.
   */
  static final List<String> SHADED_ARTIFACTS =
      List.of("spring-jdbc-", "spring-tx-", "HikariCP-", "caffeine-", "spring-vault-core-");

  private BundleJar() {}

  static Path path() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars =
          files.filter(f -> f.getFileName().toString().endsWith("-bundle.jar")).toList();
      if (jars.size() != 1) {
        throw new IllegalStateException(
            "expected one target/*-bundle.jar after package, found " + jars);
      }
      return jars.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
