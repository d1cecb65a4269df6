package dev.flowconnections.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.secretprovider.ConnectionsSecretProvider;
import dev.flowconnections.secretprovider.GuardedOutboundConnectorFactory;
import dev.flowconnections.secretprovider.GuardedSecretProviderAggregator;
import dev.flowconnections.secretprovider.SecretPlaceholderRefusedException;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.runtime.core.outbound.OutboundConnectorFactory;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import io.camunda.connector.runtime.secret.EnvironmentSecretProvider;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.util.List;
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
  @Autowired OutboundConnectorFactory connectorFactory;
  @Autowired SecretProviderAggregator secretProviders;

  @Test
  void bootsWithTheConnectionsSecretProvider() {
    assertThat(secretProvider).isNotNull();
  }

  /**
   * Every outbound function the runtime opens a worker for, and every provider call, pass the
   * guard.
   */
  @Test
  void theRuntimesConnectorFactoryAndProviderChainAreGuarded() {
    assertThat(connectorFactory).isInstanceOf(GuardedOutboundConnectorFactory.class);
    assertThat(connectorFactory.getConfigurations()).isNotEmpty();
    assertThat(secretProviders).isInstanceOf(GuardedSecretProviderAggregator.class);
    assertThat(secretProviders.getSecretProviders())
        .contains(secretProvider)
        .as("the environment-variable provider stays off")
        .noneMatch(p -> p instanceof EnvironmentSecretProvider);
    assertThatThrownBy(() -> secretProviders.getSecret("HOME", new SecretContext("")))
        .as("no provider answers outside a guarded job")
        .isInstanceOf(SecretPlaceholderRefusedException.class);
    assertThat(secretProviders.fetchAll(List.of("HOME"), new SecretContext(""))).isEmpty();
  }
}
