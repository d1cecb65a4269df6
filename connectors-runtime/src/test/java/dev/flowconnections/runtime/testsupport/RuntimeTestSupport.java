package dev.flowconnections.runtime.testsupport;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.testsupport.PostgresTestSchema;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Wiring for tests that boot the runtime: the real PostgreSQL (fresh schema), an in-memory Zeebe
 * engine, a fixed test master key and the environment under test.
 *
 * <p>Each test class that boots the runtime starts its own engine. Spring caches contexts across
 * classes, and a cached runtime keeps polling its engine for jobs; with one engine per class, a
 * DEVELOPMENT runtime can never take the jobs meant for a PRODUCTION one.
 */
public final class RuntimeTestSupport {

  /** Test-only AES-256 master key (base64 of 32 bytes). */
  public static final String TEST_MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";

  private RuntimeTestSupport() {}

  public static ZeebeTestEngine startEngine() {
    ZeebeTestEngine engine = EngineFactory.create();
    engine.start();
    return engine;
  }

  public static void register(DynamicPropertyRegistry registry, ZeebeTestEngine engine, Environment environment) {
    PostgresTestSchema.register(registry);
    registry.add("camunda.client.mode", () -> "self-managed");
    registry.add("camunda.client.grpc-address", () -> "http://" + engine.getGatewayAddress());
    registry.add("camunda.client.prefer-rest-over-grpc", () -> "false"); // the engine has no REST API
    registry.add("flow-connections.environment", environment::name);
    registry.add("flow-connections.encryption.master-key", () -> TEST_MASTER_KEY);
  }
}
