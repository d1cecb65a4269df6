package dev.flowconnections.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundle jar works where the starter's classes are not: the sample connector runtime runs in
 * its own JVM with the jar in place of secrets-provider's classes, and without the libraries the
 * jar carries (except Caffeine, which the in-memory engine needs; ours is relocated) or that
 * Camunda's bundle image lacks (Flyway). Its connector gets a connection's credential and an org
 * secret from placeholders, as in {@link StarterPlaceholderProcessTest}.
 */
class BundleJarRuntimeIT {

  private static final Path CLASSES = Path.of("target", "classes").toAbsolutePath();

  @Test
  void theSampleRuntimeResolvesPlaceholdersWithTheBundleJarInsteadOfOurClasses() throws Exception {
    String schema = StoreSchemas.migrated();
    Path log = Path.of("target", "bundle-jar-run.log");
    Process run =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath(),
                BundleJarRun.class.getName(),
                schema)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

    boolean ended = run.waitFor(4, TimeUnit.MINUTES);
    if (!ended) {
      run.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(ended).as("the run ended; log in " + log).isTrue();
    assertThat(output).contains("secret provider loaded from " + BundleJar.path().toUri().toURL());
    assertThat(run.exitValue()).as("exit status; log in " + log).isZero();
    assertThat(output).contains("connector saw the seeded values true, values in records false");
  }

  /**
   * This JVM's classpath with the bundle jar in place of our classes and of what it carries,
   * without Flyway.
   */
  private static String classpath() {
    Stream<String> kept =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !Path.of(entry).toAbsolutePath().equals(CLASSES))
            .filter(
                entry -> {
                  String name = Path.of(entry).getFileName().toString();
                  return BundleJar.SHADED_ARTIFACTS.stream().noneMatch(name::startsWith)
                          && !name.startsWith("flyway-")
                      // the in-memory engine needs Caffeine itself; the jar uses its own relocated
                      // copy
                      || name.startsWith("caffeine-");
                });
    return Stream.concat(Stream.of(BundleJar.path().toAbsolutePath().toString()), kept)
        .collect(Collectors.joining(File.pathSeparator));
  }
}
