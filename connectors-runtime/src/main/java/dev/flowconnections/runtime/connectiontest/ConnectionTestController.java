package dev.flowconnections.runtime.connectiontest;

import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.resolution.ConnectionResolver;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/connections/{id}/environments/{ENV}/test}: any user who can see the connection. */
@RestController
class ConnectionTestController {

  private final ConnectionTests tests;

  ConnectionTestController(ConnectionTests tests) {
    this.tests = tests;
  }

  @PostMapping("/api/connections/{id}/environments/{environment}/test")
  TestOutcome test(Actor actor, @PathVariable UUID id, @PathVariable String environment) {
    Environment env = Environment.parse(environment)
        .orElseThrow(() -> new ValidationException("environment", "must be one of " + Arrays.toString(Environment.values())));
    return tests.test(actor, id, env);
  }

  @Configuration(proxyBeanMethods = false)
  static class ConnectionTestConfiguration {

    @Bean
    ConnectionTests connectionTests(
        ConnectionService connections,
        ConnectionResolver resolver,
        List<ConnectionTester> testers,
        @Value("${flow-connections.connection-test.timeout:15s}") Duration timeout) {
      return new ConnectionTests(connections, resolver, testers, timeout);
    }
  }
}
