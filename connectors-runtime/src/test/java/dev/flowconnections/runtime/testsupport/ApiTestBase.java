package dev.flowconnections.runtime.testsupport;

import dev.flowconnections.environment.Environment;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the API tests: a DEVELOPMENT runtime with the {@code test} profile users, real HTTP and
 * the real PostgreSQL. All subclasses share one Spring context and therefore one engine; tests tag
 * their names so they never depend on what other tests created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestBase {

  private static final ZeebeTestEngine ENGINE = RuntimeTestSupport.startEngine();

  @DynamicPropertySource
  static void runtimeProperties(DynamicPropertyRegistry registry) {
    RuntimeTestSupport.register(registry, ENGINE, Environment.DEVELOPMENT);
  }

  @LocalServerPort protected int port;

  /** Anonymous client; the others are the test users (password = name) sharing its transcript. */
  protected ApiClient api;

  protected ApiClient admin;
  protected ApiClient modeler;
  protected ApiClient other;
  protected ApiClient root;

  @BeforeEach
  void apiClients() {
    api = ApiClient.on(port);
    admin = api.as("admin");
    modeler = api.as("modeler");
    other = api.as("other");
    root = api.as("root");
  }
}
