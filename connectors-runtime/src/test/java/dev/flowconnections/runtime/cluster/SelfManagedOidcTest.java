package dev.flowconnections.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.FlowConnectionsRuntime;
import dev.flowconnections.runtime.rest.RestFunction;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import dev.flowconnections.runtime.testsupport.OidcGatewayProxy;
import dev.flowconnections.runtime.testsupport.PrivateCertificateAuthority;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.testsupport.PostgresTestSchema;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.grpc.Status;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * docs/deploy.md, "Camunda Self-Managed with Identity", followed as written: the runtime gets
 * exactly the environment variables listed there (by those names, nothing else about the cluster)
 * and talks, over TLS with a certificate of a private CA, to a gateway that accepts only JWTs of a
 * real authorization server. It must deploy, start and serve jobs through that gateway, keep doing
 * so after its short-lived token expired, and with a wrong client secret say so in one line that
 * names the settings to check.
 */
@ExtendWith(OutputCaptureExtension.class)
class SelfManagedOidcTest {

  private static final String AUDIENCE = "zeebe-api";
  private static final String PROCESS_ID = "oidc-gateway-rest";
  private static final Actor ADMIN = new Actor("oidc-test-admin", "default", Set.of(Role.ADMIN));

  /** A deadline, not a wait: the in-memory engine now and then drops a job poll for 20 s. */
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private static ZeebeTestEngine engine;
  private static OAuth2TestServer identity;
  private static OidcGatewayProxy gateway;
  private static RecordingHttpServer peer;
  private static PrivateCertificateAuthority companyCa;

  @TempDir static Path home;

  @BeforeAll
  static void startClusterAndIdentity() {
    engine = RuntimeTestSupport.startEngine();
    identity = OAuth2TestServer.start("http://127.0.0.1/unused-redirect");
    companyCa = PrivateCertificateAuthority.create(home);
    gateway =
        OidcGatewayProxy.start(
            engine.getGatewayAddress(),
            identity.jwkSetUri(),
            identity.issuer(),
            AUDIENCE,
            companyCa.serverCredentials());
    peer = RecordingHttpServer.start();
  }

  @AfterAll
  static void stopAll() {
    peer.close();
    gateway.close();
    identity.close();
    engine.stop();
  }

  @Test
  void jobsRunThroughTheAuthenticatingGatewayAndTheTokenIsRenewedAfterItExpires(
      CapturedOutput output) {
    try (ConfigurableApplicationContext runtime =
        startRuntime(
            documentedVariables(OAuth2TestServer.secretOf(OAuth2TestServer.GATEWAY_CLIENT)))) {
      CamundaClient client = runtime.getBean(CamundaClient.class);
      client
          .newDeployResourceCommand()
          .addProcessModel(restProcess(), PROCESS_ID + ".bpmn")
          .send()
          .join();
      String connection = restConnection(runtime);

      long first = startInstance(client, connection, "first");
      awaitCompleted(first);
      Jwt firstToken = gateway.acceptedJwts().get(0);
      assertThat(firstToken.getAudience())
          .as("the audience of CAMUNDA_CLIENT_AUTH_AUDIENCE")
          .containsExactly(AUDIENCE);
      assertThat(firstToken.getSubject()).isEqualTo(OAuth2TestServer.GATEWAY_CLIENT);

      await("the first token to expire")
          .atMost(DEADLINE)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> Instant.now().isAfter(firstToken.getExpiresAt()));
      assertThat(topologyWith("Bearer " + firstToken.getTokenValue()))
          .as("the gateway refuses the expired token")
          .isEqualTo(Status.Code.UNAUTHENTICATED);
      long second = startInstance(client, connection, "second");
      awaitCompleted(second);

      assertThat(peer.requests())
          .extracting(RecordingHttpServer.RecordedRequest::rawPath)
          .containsExactly("/api/orders/first", "/api/orders/second");
      assertThat(gateway.acceptedJwts())
          .as("a token issued after the first expired carried the later calls")
          .anySatisfy(
              jwt ->
                  assertThat(jwt.getIssuedAt())
                      .isAfterOrEqualTo(firstToken.getExpiresAt().minusSeconds(1)))
          .extracting(Jwt::getTokenValue)
          .doesNotHaveDuplicates()
          .hasSizeGreaterThan(1);
      assertThat(readiness(runtime).statusCode()).isEqualTo(200);
      assertThat(output.getAll())
          .doesNotContain("Camunda client could not get a token")
          .as("the client's warning for tokens sent without TLS")
          .doesNotContain("security level does not guarantee")
          .doesNotContain(OAuth2TestServer.secretOf(OAuth2TestServer.GATEWAY_CLIENT));
    }
  }

  /**
   * The gateway fails closed: without a valid token of the identity provider nothing reaches the
   * engine.
   */
  @Test
  void theGatewayLetsThroughOnlyValidTokensForItsAudience() {
    int refusalsBefore = gateway.refusals();

    assertThat(topologyWith(null)).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(topologyWith("Bearer not-a-jwt")).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(topologyWith("Basic " + OAuth2TestServer.secretOf(OAuth2TestServer.GATEWAY_CLIENT)))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(topologyWith("Bearer " + token("operate-api")))
        .as("a token for another audience")
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(gateway.refusals() - refusalsBefore).isEqualTo(4);

    assertThat(topologyWith("Bearer " + token(AUDIENCE))).isEqualTo(Status.Code.OK);
  }

  @Test
  void aWrongClientSecretIsOneLineNamingTheSettingsAndReadinessIsDown(CapturedOutput output) {
    String wrongSecret = "wrong-secret-" + UUID.randomUUID();
    int refusalsBefore = gateway.refusals();
    try (ConfigurableApplicationContext runtime = startRuntime(documentedVariables(wrongSecret))) {
      String line =
          "Camunda client could not get a token from "
              + identity.tokenEndpoint()
              + ": the identity provider refused the client credentials of client '"
              + OAuth2TestServer.GATEWAY_CLIENT
              + "' (HTTP 401) — check CAMUNDA_CLIENT_AUTH_CLIENTID and CAMUNDA_CLIENT_AUTH_CLIENTSECRET";
      await("the start-up token check")
          .atMost(DEADLINE)
          .until(() -> output.getAll().contains(line));

      HttpResponse<String> readiness = readiness(runtime);
      assertThat(readiness.statusCode()).isEqualTo(503);
      assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
      assertThat(
              runtime
                  .getBean(
                      "camundaHealthIndicator",
                      org.springframework.boot.actuate.health.HealthIndicator.class)
                  .health()
                  .getDetails()
                  .get("authentication"))
          .asString()
          .startsWith(line);

      assertThat(occurrences(output.getAll(), "Camunda client could not get a token"))
          .as("said once, not on every probe or job poll")
          .isEqualTo(1);
      assertThat(output.getAll()).doesNotContain(wrongSecret);
      assertThat(gateway.refusals())
          .as("without a token no call even reaches the gateway")
          .isEqualTo(refusalsBefore);
    }
  }

  /**
   * The variables of docs/deploy.md for a self-managed cluster with Identity, by their documented
   * names. The first group is what every deployment sets; the test adds only its database schema.
   */
  private Map<String, Object> documentedVariables(String clientSecret) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("FLOW_CONNECTIONS_ENVIRONMENT", "DEVELOPMENT");
    variables.put("FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY", RuntimeTestSupport.TEST_MASTER_KEY);
    variables.put("FLOW_CONNECTIONS_DB_URL", PostgresTestSchema.jdbcUrl());
    variables.put("FLOW_CONNECTIONS_DB_USER", PostgresTestSchema.USER);
    variables.put("FLOW_CONNECTIONS_DB_PASSWORD", PostgresTestSchema.PASSWORD);
    variables.put("PORT", "0");

    variables.put("CAMUNDA_CLIENT_MODE", "self-managed");
    variables.put("CAMUNDA_CLIENT_GRPCADDRESS", "https://127.0.0.1:" + gateway.port());
    variables.put("CAMUNDA_CLIENT_CACERTIFICATEPATH", companyCa.caCertificate().toString());
    variables.put("CAMUNDA_CLIENT_AUTH_METHOD", "oidc");
    variables.put("CAMUNDA_CLIENT_AUTH_TOKENURL", identity.tokenEndpoint());
    variables.put("CAMUNDA_CLIENT_AUTH_CLIENTID", OAuth2TestServer.GATEWAY_CLIENT);
    variables.put("CAMUNDA_CLIENT_AUTH_CLIENTSECRET", clientSecret);
    variables.put("CAMUNDA_CLIENT_AUTH_AUDIENCE", AUDIENCE);
    variables.put(
        "CAMUNDA_CLIENT_AUTH_CREDENTIALSCACHEPATH",
        home.resolve("camunda-credentials-" + UUID.randomUUID()).toString());
    variables.put(
        "CAMUNDA_CLIENT_PREFERRESTOVERGRPC", "false"); // the in-memory engine has no REST API

    // the test's own schema of the shared test database
    variables.put("SPRING_FLYWAY_SCHEMAS", PostgresTestSchema.schema());
    variables.put("SPRING_FLYWAY_DEFAULTSCHEMA", PostgresTestSchema.schema());
    return variables;
  }

  /** The runtime as a container starts it: these environment variables and no others. */
  private static ConfigurableApplicationContext startRuntime(
      Map<String, Object> environmentVariables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
    return new SpringApplicationBuilder(FlowConnectionsRuntime.class)
        .environment(environment)
        .run();
  }

  /** A REST task calling GET /orders/{order} on the peer. */
  private static BpmnModelInstance restProcess() {
    return Bpmn.createExecutableProcess(PROCESS_ID)
        .startEvent()
        .serviceTask(
            "call",
            task ->
                task.zeebeJobType(RestFunction.TYPE)
                    .zeebeInputExpression("connection", "connection")
                    .zeebeInput("GET", "method")
                    .zeebeInputExpression("\"/orders/\" + order", "path")
                    .zeebeTaskHeader("resultVariable", "response"))
        .endEvent()
        .done();
  }

  /** A REST API connection without authentication to the peer, with an entry for DEVELOPMENT. */
  private static String restConnection(ConfigurableApplicationContext runtime) {
    UUID integration =
        runtime
            .getBean(IntegrationService.class)
            .create(
                ADMIN,
                new IntegrationDraft(
                    "OIDC gateway peer",
                    null,
                    null,
                    IntegrationType.REST_API,
                    IntegrationScope.ORGANIZATION,
                    ConfigMode.SAME_FOR_ALL,
                    AuthScheme.NONE,
                    null,
                    null,
                    Map.of(FieldCatalog.BASE_URL, peer.baseUrl() + "/api"),
                    null,
                    null))
            .id();
    ConnectionService connections = runtime.getBean(ConnectionService.class);
    String key = "oidc-peer-" + UUID.randomUUID().toString().substring(0, 8);
    ConnectionView connection =
        connections.create(
            ADMIN,
            new ConnectionDraft(
                integration, "OIDC gateway peer " + key, key, Visibility.ORGANIZATION, null));
    connections.putEnvironment(
        ADMIN, connection.connection().id(), Environment.DEVELOPMENT, Map.of(), null);
    return key;
  }

  private static long startInstance(CamundaClient client, String connection, String order) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .variables(Map.of("connection", connection, "order", order))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static void awaitCompleted(long processInstanceKey) {
    await("process instance " + processInstanceKey + " to complete")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              engine.waitForIdleState(Duration.ofSeconds(5));
              return StreamSupport.stream(
                      engine.getRecordStreamSource().getRecords().spliterator(), false)
                  .filter(
                      r ->
                          r.getValueType() == ValueType.PROCESS_INSTANCE
                              && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                  .map(Record::getValue)
                  .map(ProcessInstanceRecordValue.class::cast)
                  .anyMatch(
                      v ->
                          v.getProcessInstanceKey() == processInstanceKey
                              && v.getBpmnElementType() == BpmnElementType.PROCESS);
            });
  }

  private static HttpResponse<String> readiness(ConfigurableApplicationContext runtime) {
    int port = ((WebServerApplicationContext) runtime).getWebServer().getPort();
    return send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A client-credentials token of the gateway client, asked for the way the Camunda client asks.
   */
  private static String token(String audience) {
    String form =
        "grant_type=client_credentials&client_id="
            + OAuth2TestServer.GATEWAY_CLIENT
            + "&client_secret="
            + OAuth2TestServer.secretOf(OAuth2TestServer.GATEWAY_CLIENT)
            + "&audience="
            + audience;
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(identity.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    Matcher token =
        Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    assertThat(token.find()).as("a token in " + response.statusCode()).isTrue();
    return token.group(1);
  }

  /**
   * A topology request through the gateway with exactly this Authorization header (none if null).
   */
  private static Status.Code topologyWith(String authorization) {
    try (CamundaClient client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("https://127.0.0.1:" + gateway.port()))
            .caCertificatePath(companyCa.caCertificate().toString())
            .preferRestOverGrpc(false)
            .credentialsProvider(new FixedAuthorization(authorization))
            .build()) {
      client.newTopologyRequest().requestTimeout(Duration.ofSeconds(20)).send().join();
      return Status.Code.OK;
    } catch (ClientStatusException e) {
      return e.getStatusCode();
    }
  }

  private record FixedAuthorization(String header) implements CredentialsProvider {
    @Override
    public void applyCredentials(CredentialsApplier applier) {
      if (header != null) {
        applier.put("Authorization", header);
      }
    }

    @Override
    public boolean shouldRetryRequest(StatusCode statusCode) {
      return false;
    }
  }

  private static int occurrences(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
