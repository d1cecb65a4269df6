package dev.flowconnections.runtime.health;

import dev.flowconnections.runtime.cluster.CamundaTokenCheck;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.core.env.Environment;

/**
 * UP when the client has a token (or needs none) and the Camunda gateway answers a topology request
 * with at least one broker. The details name the mode and the addresses the client uses, so an
 * operator sees at once where the runtime points, and why it cannot log in; never a credential.
 */
final class CamundaGatewayHealthIndicator extends AbstractHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final CamundaClient client;
  private final CamundaTokenCheck token;
  private final Environment environment;

  CamundaGatewayHealthIndicator(
      CamundaClient client, CamundaTokenCheck token, Environment environment) {
    super("the Camunda gateway cannot be reached");
    this.client = client;
    this.token = token;
    this.environment = environment;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    health
        .withDetail("mode", environment.getProperty("camunda.client.mode", "self-managed"))
        .withDetail("grpcAddress", String.valueOf(client.getConfiguration().getGrpcAddress()))
        .withDetail("restAddress", String.valueOf(client.getConfiguration().getRestAddress()))
        .withDetail("preferRestOverGrpc", client.getConfiguration().preferRestOverGrpc());
    Optional<String> tokenProblem = token.problem();
    if (tokenProblem.isPresent()) {
      health.down().withDetail("authentication", tokenProblem.get());
      return;
    }
    Topology topology = client.newTopologyRequest().requestTimeout(TIMEOUT).send().join();
    health.withDetail("brokers", topology.getBrokers().size());
    if (topology.getBrokers().isEmpty()) {
      health.down();
    } else {
      health.up();
    }
  }
}
