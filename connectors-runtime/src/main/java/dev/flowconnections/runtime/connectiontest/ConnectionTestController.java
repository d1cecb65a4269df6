package dev.flowconnections.runtime.connectiontest;

import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.EnvironmentTestResult;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ValidationException;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/connections/{id}/environments/{ENV}/test}: any user who can see the connection.
 */
@RestController
class ConnectionTestController {

  private final ConnectionTests tests;

  ConnectionTestController(ConnectionTests tests) {
    this.tests = tests;
  }

  @PostMapping("/api/connections/{id}/environments/{environment}/test")
  EnvironmentTestResult test(Actor actor, @PathVariable UUID id, @PathVariable String environment) {
    Environment env =
        Environment.parse(environment)
            .orElseThrow(
                () ->
                    new ValidationException(
                        "environment", "must be one of " + Arrays.toString(Environment.values())));
    return tests.run(actor, id, env);
  }
}
