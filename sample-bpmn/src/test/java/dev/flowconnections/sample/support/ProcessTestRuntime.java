package dev.flowconnections.sample.support;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What one end-to-end test class runs against: its own in-memory engine (so no other cached runtime
 * takes its jobs), the environment its runtime serves, and a local HTTP server standing for the
 * external API. Hold it in a static field of the test class.
 */
public final class ProcessTestRuntime {

  private final Environment environment;
  private final ZeebeTestEngine engine = RuntimeTestSupport.startEngine();
  private final RecordingHttpServer server = RecordingHttpServer.start();

  private static final Map<String, ZeebeTestEngine> ENGINES = new ConcurrentHashMap<>();

  private ProcessTestRuntime(Environment environment) {
    this.environment = environment;
    ENGINES.put(grpcAddress(engine), engine);
    // the JVM ends with the test run; the server's port is released with it
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
  }

  public static ProcessTestRuntime start(Environment environment) {
    return new ProcessTestRuntime(environment);
  }

  /**
   * The engine a runtime connected to {@code grpcAddress} (its {@code camunda.client.grpc-address})
   * talks to.
   */
  public static ZeebeTestEngine engineAt(String grpcAddress) {
    ZeebeTestEngine engine = ENGINES.get(grpcAddress);
    if (engine == null) {
      throw new IllegalStateException("no test engine at " + grpcAddress);
    }
    return engine;
  }

  private static String grpcAddress(ZeebeTestEngine engine) {
    return "http://" + engine.getGatewayAddress();
  }

  /** For the test class's {@code @DynamicPropertySource}. */
  public void register(DynamicPropertyRegistry registry) {
    RuntimeTestSupport.register(registry, engine, environment);
  }

  public Environment environment() {
    return environment;
  }

  public ZeebeTestEngine engine() {
    return engine;
  }

  public RecordingHttpServer server() {
    return server;
  }
}
