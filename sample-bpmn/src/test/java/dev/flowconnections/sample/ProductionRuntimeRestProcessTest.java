package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.audit.AuditLogService;
import dev.flowconnections.audit.AuditQuery;
import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.sample.support.ConnectionsFixture;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example process in a PRODUCTION runtime: production credentials or nothing. */
class ProductionRuntimeRestProcessTest extends RestProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.PRODUCTION);

  @Autowired BatchingAuditWriter connectionReads;
  @Autowired AuditLogService auditLog;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  ProductionRuntimeRestProcessTest() {
    super(RUNTIME);
  }

  @Test
  void usesTheProductionTokenOfAConnectionThatHasBoth() {
    ConnectionView connection =
        bearerConnection(
            Map.of(
                Environment.DEVELOPMENT,
                "dev-token-for-orders",
                Environment.PRODUCTION,
                "prod-token-for-orders"));

    long instance = startGet(connection, "/orders/1");

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer prod-token-for-orders");
    assertThat(server().lastRequest().rawPath()).isEqualTo("/api/orders/1");
    assertThat(records.variables(instance)).containsEntry("responseStatus", "200");
  }

  @Test
  void sendsTheProductionApiKeyInItsHeader() {
    ConnectionView connection =
        connections.restConnection(
            AuthScheme.API_KEY,
            Map.of(
                FieldCatalog.BASE_URL, server().baseUrl(),
                FieldCatalog.API_KEY_NAME, "X-API-Key",
                FieldCatalog.API_KEY_LOCATION, "HEADER"));
    connections.credentials(
        connection, Environment.DEVELOPMENT, Map.of(FieldCatalog.API_KEY, secret("dev-api-key-1")));
    connections.credentials(
        connection, Environment.PRODUCTION, Map.of(FieldCatalog.API_KEY, secret("prod-api-key-1")));

    long instance = startGet(connection, "/customers");

    records.awaitCompleted(instance);
    assertThat(server().lastRequest().header("X-API-Key")).isEqualTo("prod-api-key-1");
  }

  @Test
  void theAuditLogNamesTheProcessInstanceThatReadTheConnectionButNoToken() throws Exception {
    ConnectionView connection =
        bearerConnection(Map.of(Environment.PRODUCTION, "prod-token-for-the-audit"));

    long instance = startGet(connection, "/orders/7");
    records.awaitCompleted(instance);

    assertThat(connectionReads.awaitIdle(Duration.ofSeconds(10))).isTrue();
    Actor auditor = new Actor("auditor", "default", Set.of(Role.ADMIN));
    List<AuditEvent> reads =
        auditLog
            .search(
                auditor,
                new AuditQuery(
                    null, AuditAction.CONNECTION_READ, null, null, instance, null, null, 0, 10))
            .items();
    // Each test class's engine numbers its instances from the same first key, and all of them write
    // into one schema: another class's read can carry this instance's key, never this connection.
    assertThat(reads)
        .filteredOn(read -> read.subjectKey().equals(keyOf(connection)))
        .singleElement()
        .satisfies(
            read -> {
              assertThat(read.subjectKey()).isEqualTo(keyOf(connection));
              assertThat(read.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(read.process().processInstanceKey()).isEqualTo(instance);
              assertThat(read.process().bpmnProcessId()).isEqualTo(PROCESS_ID);
              assertThat(read.process().elementId()).isEqualTo("CallRestApi");
              assertThat(read.worker()).isEqualTo("REST worker");
              assertThat(read.actor()).isEqualTo(AuditEvent.RUNTIME_ACTOR);
            });
    assertThat(
            jdbc.sql(
                    "select a::text from audit_event a where a::text like '%prod-token-for-the-audit%'")
                .query(String.class)
                .list())
        .isEmpty();
  }

  @Test
  void aPersonalConnectionServesItsOwnersProcessInProductionOnlyOnceAnAdministratorAllowedIt() {
    Actor owner = new Actor("owner", "default", Set.of(Role.USER));
    ConnectionView template = bearerConnection(Map.of());
    ConnectionView personal =
        connectionService.create(
            owner,
            new ConnectionDraft(
                template.integration().id(),
                "Own " + template.connection().name(),
                keyOf(template) + "-own",
                Visibility.PERSONAL,
                null,
                List.of(PROCESS_ID),
                null));
    connectionService.putEnvironment(
        owner,
        personal.connection().id(),
        Environment.PRODUCTION,
        Map.of(FieldCatalog.TOKEN, secret("owners-prod-token")),
        null);

    long refused = startGet(personal, "/orders/1");
    assertThat(records.awaitIncident(refused))
        .isEqualTo(
            "connection '"
                + keyOf(personal)
                + "' may not be used by process '"
                + PROCESS_ID
                + "' in PRODUCTION: an administrator has not allowed this personal connection there");
    assertThat(server().requests()).isEmpty();

    connectionService.setAllowedInProduction(
        ConnectionsFixture.ADMIN, personal.connection().id(), true);
    long allowed = startGet(personal, "/orders/1");
    records.awaitCompleted(allowed);
    assertThat(server().lastRequest().header("Authorization"))
        .isEqualTo("Bearer owners-prod-token");
  }

  @Test
  void failsClosedWhenTheConnectionHasNoProductionCredentials() {
    ConnectionView connection = developmentBearerConnection("dev-only-token");

    long instance = startGet(connection, "/orders/1");

    String incident = records.awaitIncident(instance);
    assertThat(incident)
        .isEqualTo("connection '" + keyOf(connection) + "' has no credentials for PRODUCTION");
    assertThat(server().requests()).as("the development token must not be tried instead").isEmpty();
    assertThat(records.completed(instance)).isFalse();
  }
}
