package dev.flowconnections.sample.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A JVM of its own, its output in a file: a main class of the test class path, for what only shows
 * when a JVM exits (shutdown hooks, processes left behind), or an executable jar, as an operator
 * starts it. Waits are for lines of its output, never fixed.
 */
public final class ChildJvm implements AutoCloseable {

  /** Generous: a Spring Boot start on a busy 2-core machine takes minutes. */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Process process;
  private final Path output;

  private ChildJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Runs {@code main} from the test class path. */
  public static ChildJvm start(Path output, Class<?> main, String... arguments) {
    List<String> mainAndArguments =
        new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    mainAndArguments.addAll(List.of(arguments));
    return launch(output, "768m", mainAndArguments, environment -> {});
  }

  /**
   * Runs an executable jar with nothing of the test class path, its environment set by {@code
   * environment}.
   */
  public static ChildJvm startJar(
      Path output, Path jar, String maxHeap, Consumer<Map<String, String>> environment) {
    return launch(output, maxHeap, List.of("-jar", jar.toString()), environment);
  }

  private static ChildJvm launch(
      Path output, String maxHeap, List<String> what, Consumer<Map<String, String>> environment) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx" + maxHeap));
    command.addAll(what);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    environment.accept(builder.environment());
    try {
      return new ChildJvm(builder.start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until a line matches; fails at once, with the output, when the JVM ends first. */
  public Matcher awaitLine(String regex) {
    Pattern pattern = Pattern.compile(regex);
    try {
      return awaitMatch(pattern);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "no line matching " + regex + " within " + START_TIMEOUT + ":\n" + output(), e);
    }
  }

  private Matcher awaitMatch(Pattern pattern) {
    String regex = pattern.pattern();
    return Awaitility.await("a line matching " + regex + " in " + output)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              Matcher matcher = pattern.matcher(output());
              if (matcher.find()) {
                return matcher;
              }
              assertThat(process.isAlive())
                  .as("the JVM ended before printing %s:%n%s", regex, output())
                  .isTrue();
              return null;
            },
            found -> found != null);
  }

  public String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Ends it as Ctrl-C, a service manager or a container runtime would (SIGTERM: shutdown hooks
   * run).
   */
  public int terminate() {
    process.destroy();
    return awaitExit();
  }

  public int awaitExit() {
    try {
      assertThat(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
          .as("the JVM exits:%n%s", output())
          .isTrue();
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
