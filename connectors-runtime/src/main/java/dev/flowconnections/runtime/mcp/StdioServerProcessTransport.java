package dev.flowconnections.runtime.mcp;

import dev.flowconnections.runtime.worker.SecretMasker;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
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

  private final String connectionKey;

  StdioServerProcessTransport(ServerParameters parameters, McpJsonMapper jsonMapper, String connectionKey,
      SecretMasker masker) {
    super(parameters, jsonMapper);
    this.connectionKey = connectionKey;
    setStdErrorHandler(line -> log.debug("MCP server of connection '{}' (stderr): {}", connectionKey, masker.mask(line)));
  }

  /** A program that cannot start is a configuration problem, told apart from a server that fails. */
  @Override
  public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    return super.connect(handler).onErrorMap(
        e -> e.getCause() instanceof IOException && process() == null,
        e -> new McpFailures.StdioStartException(e.getCause().getMessage(), e.getCause()));
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
