package dev.flowconnections.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.secretprovider.ConnectionsSecretProvider;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuntimeBootTest {

  static final ZeebeTestEngine ENGINE = RuntimeTestSupport.startEngine();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RuntimeTestSupport.register(registry, ENGINE, Environment.DEVELOPMENT);
  }

  @Autowired ConnectionsSecretProvider secretProvider;

  @Test
  void bootsWithTheConnectionsSecretProvider() {
    assertThat(secretProvider).isNotNull();
  }
}
