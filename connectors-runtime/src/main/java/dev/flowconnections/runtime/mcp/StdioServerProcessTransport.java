package dev.flowconnections.runtime.mcp;

import dev.flowconnections.runtime.worker.SecretMasker;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The SDK's STDIO transport with three changes a shared runtime needs:
 *
 * <ul>
 *   <li>the server process does not inherit the runtime's environment (which holds the master key
 *       and database credentials): it gets only the SDK's short list of harmless variables (PATH,
 *       HOME, USER, ...) plus the connection's {@code environmentVariables};
 *   <li>the server's stderr is logged at debug level, masked, instead of at info level as is;
 *   <li>closing ends the whole process tree for sure: the SDK sends SIGTERM and waits without a
 *       limit; here whatever still runs after a grace period (a server ignoring SIGTERM, a child an
 *       {@code npx} wrapper started) is killed.
 * </ul>
 */
final class StdioServerProcessTransport extends StdioClientTransport {

  private static final Logger log = LoggerFactory.getLogger(StdioServerProcessTransport.class);
  static final Duration GRACE_PERIOD = Duration.ofSeconds(3);

  /**
   * Lines of the server's stderr kept to say why it ended, each cut to {@link #STDERR_LINE_LENGTH}.
   */
  static final int STDERR_LINES = 5;

  static final int STDERR_LINE_LENGTH = 300;

  private final String connectionKey;
  private final PendingRequests pending = new PendingRequests();
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private volatile boolean closing;

  StdioServerProcessTransport(
      ServerParameters parameters,
      McpJsonMapper jsonMapper,
      String connectionKey,
      SecretMasker masker) {
    super(parameters, jsonMapper);
    this.connectionKey = connectionKey;
    setStdErrorHandler(
        line -> {
          String masked = masker.mask(line);
          log.debug("MCP server of connection '{}' (stderr): {}", connectionKey, masked);
          synchronized (stderrTail) {
            stderrTail.addLast(
                masked.length() > STDERR_LINE_LENGTH
                    ? masked.substring(0, STDERR_LINE_LENGTH) + "..."
                    : masked);
            if (stderrTail.size() > STDERR_LINES) {
              stderrTail.removeFirst();
            }
          }
        });
  }

  /**
   * Starts the process and watches it: when it ends under an open session, the requests waiting for
   * it fail at once with its exit code and last stderr lines. A program that cannot start is a
   * configuration problem, told apart from a server that fails.
   */
  @Override
  public Mono<Void> connect(
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    return super.connect(pending.track(handler))
        .onErrorMap(
            e -> e.getCause() instanceof IOException && process() == null,
            e -> new McpFailures.StdioStartException(e.getCause().getMessage(), e.getCause()))
        .doOnSuccess(
            ignored -> {
              Process process = process();
              if (process != null) {
                // a moment for the stderr reader to catch the server's last words
                process
                    .onExit()
                    .thenRunAsync(
                        () -> reportExit(process),
                        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
              }
            });
  }

  private void reportExit(Process process) {
    if (closing) {
      return;
    }
    String lastWords;
    synchronized (stderrTail) {
      lastWords = String.join(" | ", stderrTail);
    }
    // its output goes to the log only: whoever runs a test or reads an incident must not get what a
    // server process printed (it may describe the host, or print what it was given)
    if (!lastWords.isEmpty()) {
      log.warn(
          "MCP server of connection '{}' ended with exit code {}; its last output on stderr: {}",
          connectionKey,
          process.exitValue(),
          lastWords);
    }
    pending.serverGone(
        "the MCP server process ended with exit code "
            + process.exitValue()
            + "; see the runtime log");
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return pending.send(message, super::sendMessage);
  }

  @Override
  protected ProcessBuilder getProcessBuilder() {
    ProcessBuilder builder = new ProcessBuilder();
    // the SDK adds its parameters' variables next; nothing of ours must be there before
    builder.environment().clear();
    return builder;
  }

  @Override
  public Mono<Void> closeGracefully() {
    closing = true;
    Process process = process();
    List<ProcessHandle> tree = process == null ? List.of() : process.descendants().toList();
    return super.closeGracefully()
        .timeout(GRACE_PERIOD)
        .onErrorResume(e -> Mono.empty())
        .then(Mono.fromRunnable(() -> killRemaining(process, tree)));
  }

  private void killRemaining(Process process, List<ProcessHandle> descendants) {
    if (process == null) {
      return;
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    if (process.isAlive()) {
      log.warn("MCP server of connection '{}' did not end on SIGTERM; killing it", connectionKey);
      process.destroyForcibly();
      try {
        process.waitFor(GRACE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The SDK keeps the process private and offers no hook after it starts; reading the field is the
   * only way to be sure the process tree ends (StdioProcessCleanupTest fails if this breaks).
   */
  Process process() {
    try {
      Field field = StdioClientTransport.class.getDeclaredField("process");
      field.setAccessible(true);
      return (Process) field.get(this);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("cannot reach the STDIO server process to make sure it ends: {}", e.toString());
      return null;
    }
  }
}
