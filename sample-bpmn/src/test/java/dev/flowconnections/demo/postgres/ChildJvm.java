package dev.flowconnections.demo.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A main class of the test class path in a JVM of its own, its output in a file: for what only
 * shows when a JVM exits (shutdown hooks, processes left behind).
 */
final class ChildJvm implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Process process;
  private final Path output;

  private ChildJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  static ChildJvm start(Path output, Class<?> main, String... arguments) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xmx768m",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(arguments));
    try {
      return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until a line matches; fails at once, with the output, when the JVM ends first. */
  Matcher awaitLine(String regex) {
    Pattern pattern = Pattern.compile(regex);
    try {
      return awaitMatch(pattern);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("no line matching " + regex + " within " + START_TIMEOUT + ":\n" + output(), e);
    }
  }

  private Matcher awaitMatch(Pattern pattern) {
    String regex = pattern.pattern();
    return Awaitility.await("a line matching " + regex + " in " + output).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
        .until(() -> {
          Matcher matcher = pattern.matcher(output());
          if (matcher.find()) {
            return matcher;
          }
          assertThat(process.isAlive()).as("the JVM ended before printing %s:%n%s", regex, output()).isTrue();
          return null;
        }, found -> found != null);
  }

  String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends it as Ctrl-C or a service manager would (SIGTERM: shutdown hooks run). */
  int terminate() {
    process.destroy();
    return awaitExit();
  }

  int awaitExit() {
    try {
      assertThat(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the JVM exits:%n%s", output()).isTrue();
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
