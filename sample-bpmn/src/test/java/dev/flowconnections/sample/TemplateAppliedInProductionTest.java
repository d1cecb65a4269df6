package dev.flowconnections.sample;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The templated process in a PRODUCTION runtime. */
class TemplateAppliedInProductionTest extends TemplateAppliedProcessTestBase {

  static final ZeebeTestEngine ENGINE = RuntimeTestSupport.startEngine();
  static final RecordingHttpServer SERVER = RecordingHttpServer.start();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RuntimeTestSupport.register(registry, ENGINE, Environment.PRODUCTION);
  }

  @AfterAll
  static void stopServer() {
    SERVER.close();
  }

  @Override
  Environment environment() {
    return Environment.PRODUCTION;
  }

  @Override
  ZeebeTestEngine engine() {
    return ENGINE;
  }

  @Override
  RecordingHttpServer server() {
    return SERVER;
  }
}
