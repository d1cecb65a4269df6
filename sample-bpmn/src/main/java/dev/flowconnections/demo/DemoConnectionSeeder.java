package dev.flowconnections.demo;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationFilter;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.RuntimeEnvironment;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the example integration "Demo Echo API" (REST, Bearer) and its connection "Demo Echo"
 * ({@value #CONNECTION_KEY}), and "Demo Model" (AI Provider, the demo's scripted model) and its
 * connection ({@value #MODEL_CONNECTION_KEY}), each with a DEVELOPMENT token, unless they exist: a
 * restart keeps what the user changed. The token is random and never printed; the echo endpoint
 * only reports that it arrived.
 */
@Component
@Profile(FlowConnectionsDemo.PROFILE)
@Order(1)
class DemoConnectionSeeder implements ApplicationRunner {

  static final String INTEGRATION_NAME = "Demo Echo API";
  static final String CONNECTION_NAME = "Demo Echo";
  static final String CONNECTION_KEY = "demo-echo";
  static final String MODEL_INTEGRATION_NAME = "Demo Model";
  static final String MODEL_CONNECTION_NAME = "Demo Model";
  static final String MODEL_CONNECTION_KEY = "demo-model";

  private static final Logger LOG = LoggerFactory.getLogger(DemoConnectionSeeder.class);

  private final IntegrationService integrations;
  private final ConnectionService connections;
  private final DemoEchoServer echoServer;
  private final Actor seeder;

  DemoConnectionSeeder(
      IntegrationService integrations,
      ConnectionService connections,
      DemoEchoServer echoServer,
      RuntimeEnvironment runtime) {
    this.integrations = integrations;
    this.connections = connections;
    this.echoServer = echoServer;
    this.seeder = new Actor("demo-seeder", runtime.organizationId(), Set.of(Role.ADMIN));
  }

  @Override
  public void run(ApplicationArguments args) {
    seed(
        new Seed(
            INTEGRATION_NAME,
            "Echo endpoint served by the demo itself",
            IntegrationType.REST_API,
            Map.of(FieldCatalog.BASE_URL, echoServer.baseUrl()),
            CONNECTION_NAME,
            CONNECTION_KEY));
    seed(
        new Seed(
            MODEL_INTEGRATION_NAME,
            "A scripted stand-in for an OpenAI model, served by the demo itself",
            IntegrationType.AI_PROVIDER,
            Map.of(
                "provider",
                "OPENAI",
                FieldCatalog.BASE_URL,
                echoServer.modelBaseUrl(),
                "defaultModel",
                "demo-model"),
            MODEL_CONNECTION_NAME,
            MODEL_CONNECTION_KEY));
  }

  /** An integration and its connection with a random DEVELOPMENT token. */
  private record Seed(
      String integration,
      String description,
      IntegrationType type,
      Map<String, Object> config,
      String connection,
      String key) {}

  private void seed(Seed seed) {
    Integration integration =
        integrations.list(seeder, IntegrationFilter.all()).stream()
            .filter(i -> i.name().equals(seed.integration()))
            .findFirst()
            .orElseGet(() -> createIntegration(seed));
    boolean connectionExists =
        connections.list(seeder, null, null, integration.id()).stream()
            .anyMatch(c -> c.connection().key().equals(seed.key()));
    if (!connectionExists) {
      createConnection(integration, seed);
    }
  }

  private Integration createIntegration(Seed seed) {
    LOG.info("Demo: creating integration '{}' with base URL {}", seed.integration(), seed.config());
    return integrations.create(
        seeder,
        new IntegrationDraft(
            seed.integration(),
            seed.description(),
            null,
            seed.type(),
            IntegrationScope.ORGANIZATION,
            ConfigMode.SAME_FOR_ALL,
            AuthScheme.BEARER,
            null,
            null,
            seed.config(),
            null,
            null));
  }

  private void createConnection(Integration integration, Seed seed) {
    LOG.info(
        "Demo: creating connection '{}' (key {}) with a random DEVELOPMENT token",
        seed.connection(),
        seed.key());
    ConnectionView connection =
        connections.create(
            seeder,
            new ConnectionDraft(
                integration.id(), seed.connection(), seed.key(), Visibility.ORGANIZATION, null));
    connections.putEnvironment(
        seeder,
        connection.connection().id(),
        Environment.DEVELOPMENT,
        Map.of(FieldCatalog.TOKEN, randomToken()),
        null);
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return "demo-" + HexFormat.of().formatHex(bytes);
  }
}
