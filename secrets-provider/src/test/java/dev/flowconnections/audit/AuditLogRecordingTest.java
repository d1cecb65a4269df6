package dev.flowconnections.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ConflictException;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.secret.OrgSecretService;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Management changes leave audit events naming who, what, which environment and which fields; never
 * a value.
 */
class AuditLogRecordingTest extends DatabaseTest {

  @Autowired AuditLogService auditLog;
  @Autowired OrgSecretService secrets;
  @Autowired JdbcClient jdbc;

  @Test
  void connectionLifecycleIsRecordedWithChangedFieldNames() {
    Integration integration =
        restIntegration(AuthScheme.BASIC, Map.of("baseUrl", "https://api.example.com"));
    ConnectionView created = connection(modeler, integration, Visibility.ORGANIZATION);
    UUID id = created.connection().id();
    String key = created.connection().key();
    connections.putEnvironment(
        modeler, id, Environment.QA, Map.of("username", "svc", "password", "pw-one"), null);
    connections.putEnvironment(
        modeler, id, Environment.QA, Map.of("username", "svc", "password", "pw-two"), null);
    connections.putEnvironment(modeler, id, Environment.QA, Map.of("username", "svc2"), null);
    ConnectionView renamed =
        connections.update(
            modeler,
            id,
            new ConnectionDraft(
                null,
                created.connection().name() + " b",
                null,
                null,
                connections.get(modeler, id).connection().version()));
    connections.recordTest(
        modeler, id, Environment.QA, Instant.EPOCH, false, "authentication rejected");
    connections.deleteEnvironment(modeler, id, Environment.QA);
    connections.delete(modeler, id);

    List<AuditEvent> events = eventsOf(key);
    assertThat(events)
        .extracting(AuditEvent::action)
        .containsExactly(
            AuditAction.CONNECTION_DELETED,
            AuditAction.CREDENTIALS_DELETED,
            AuditAction.CONNECTION_TESTED,
            AuditAction.CONNECTION_UPDATED,
            AuditAction.CREDENTIALS_CHANGED,
            AuditAction.CREDENTIALS_CHANGED,
            AuditAction.CREDENTIALS_CHANGED,
            AuditAction.CONNECTION_CREATED);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("modeler");
              assertThat(e.subjectId()).isEqualTo(id.toString());
              assertThat(e.subjectType()).isEqualTo(AuditSubject.CONNECTION);
            });
    assertThat(events.get(7).changedFields()).isEmpty();
    assertThat(events.get(6).changedFields()).containsExactly("password", "username");
    assertThat(events.get(6).environment()).isEqualTo(Environment.QA);
    assertThat(events.get(5).changedFields()).containsExactly("password"); // the username stayed
    assertThat(events.get(4).changedFields())
        .containsExactly("username"); // the blank password kept the stored one
    assertThat(events.get(3).changedFields()).containsExactly("name");
    assertThat(renamed.connection().name()).endsWith(" b");
    assertThat(events.get(2).outcome()).isEqualTo("FAILED");
    assertThat(events.get(2).environment()).isEqualTo(Environment.QA);
    assertThat(events.get(1).environment()).isEqualTo(Environment.QA);
  }

  @Test
  void secretsAndIntegrationsAreRecorded() {
    String secretKey = "AUDIT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    secrets.put(admin, secretKey, "first-value");
    secrets.put(admin, secretKey, "second-value");
    secrets.delete(admin, secretKey);
    assertThat(search(new AuditQuery("admin", null, null, null, null, null, null, 0, 500)).items())
        .filteredOn(e -> secretKey.equals(e.subjectKey()))
        .extracting(AuditEvent::action)
        .containsExactly(
            AuditAction.SECRET_DELETED, AuditAction.SECRET_ROTATED, AuditAction.SECRET_CREATED);

    Integration integration = bearerIntegration();
    integrations.update(
        admin,
        integration.id(),
        IntegrationDrafts.editDescriptionAndConfig(
            integration.name(),
            "changed description",
            Map.of("baseUrl", "https://other.example.com"),
            integration.version()));
    ConnectionView used = connection(modeler, integration, Visibility.ORGANIZATION);
    integrations.delete(admin, integration.id(), true);

    List<AuditEvent> integrationEvents =
        search(new AuditQuery(null, null, null, null, null, null, null, 0, 500)).items().stream()
            .filter(e -> integration.id().toString().equals(e.subjectId()))
            .toList();
    assertThat(integrationEvents)
        .extracting(AuditEvent::action)
        .containsExactly(
            AuditAction.INTEGRATION_DELETED,
            AuditAction.INTEGRATION_UPDATED,
            AuditAction.INTEGRATION_CREATED);
    assertThat(integrationEvents.get(1).changedFields())
        .containsExactly("config.baseUrl", "description");
    // a forced delete records the connections it took along, in the admin's name
    assertThat(eventsOf(used.connection().key()))
        .first()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.CONNECTION_DELETED);
              assertThat(e.actor()).isEqualTo("admin");
            });
  }

  @Test
  void noColumnOfAnyAuditRowHoldsAWrittenSecret() {
    String marker = "zq" + UUID.randomUUID().toString().replace("-", "");
    Integration integration =
        restIntegration(AuthScheme.BASIC, Map.of("baseUrl", "https://api.example.com"));
    ConnectionView created = connection(modeler, integration, Visibility.PERSONAL);
    UUID id = created.connection().id();
    connections.putEnvironment(
        modeler,
        id,
        Environment.PRODUCTION,
        Map.of("username", "user", "password", marker + "-pw"),
        null);
    connections.putEnvironment(
        modeler, id, Environment.PRODUCTION, Map.of("password", marker + "-pw2"), null);
    String secretKey = "AUDIT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    secrets.put(admin, secretKey, marker + "-secret");
    secrets.put(admin, secretKey, marker + "-rotated");
    connections.recordTest(
        modeler, id, Environment.PRODUCTION, Instant.EPOCH, false, "rejected " + marker + "-pw2");
    connections.delete(modeler, id);

    assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single())
        .isPositive();
    // every column of every row, as PostgreSQL prints the whole row
    List<String> leaking =
        jdbc.sql("select a::text from audit_event a where a::text like :m")
            .param("m", "%" + marker + "%")
            .query(String.class)
            .list();
    assertThat(leaking).isEmpty();
  }

  @Test
  void onlyAdministratorsReadTheLogAndOnlyTheirOrganizations() {
    connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    assertThatThrownBy(() -> auditLog.search(modeler, AuditQuery.firstPage(10)))
        .isInstanceOf(AccessDeniedException.class);

    var stranger =
        new dev.flowconnections.access.Actor(
            "admin", "another-org", java.util.Set.of(dev.flowconnections.access.Role.ADMIN));
    assertThat(auditLog.search(stranger, AuditQuery.firstPage(500)).items())
        .allSatisfy(e -> assertThat(e.organizationId()).isEqualTo("another-org"));
    assertThat(auditLog.search(admin, AuditQuery.firstPage(500)).items()).isNotEmpty();
  }

  @Test
  void anotherUsersPersonalConnectionShowsWhoAndWhenButNotWhich() {
    ConnectionView personal = connection(modeler, bearerIntegration(), Visibility.PERSONAL);
    String key = personal.connection().key();

    assertThat(eventsOf(key)).hasSize(1); // the owner, were they an admin, would find it
    AuditPage asAdmin =
        search(
            new AuditQuery(
                "modeler", AuditAction.CONNECTION_CREATED, null, null, null, null, null, 0, 500));
    assertThat(asAdmin.items())
        .noneMatch(
            e ->
                key.equals(e.subjectKey())
                    || personal.connection().id().toString().equals(e.subjectId()));
    assertThat(asAdmin.items())
        .anyMatch(e -> "modeler".equals(e.personalOwner()) && e.subjectKey() == null);
    assertThat(search(new AuditQuery(null, null, key, null, null, null, null, 0, 50)).items())
        .isEmpty();
  }

  @Test
  void pagesAndTimeWindows() {
    Integration integration = bearerIntegration();
    for (int i = 0; i < 3; i++) {
      connection(otherUser, integration, Visibility.ORGANIZATION);
    }
    AuditPage first =
        search(
            new AuditQuery(
                "other", AuditAction.CONNECTION_CREATED, null, null, null, null, null, 0, 2));
    assertThat(first.items()).hasSize(2);
    assertThat(first.hasMore()).isTrue();
    AuditPage second =
        search(
            new AuditQuery(
                "other", AuditAction.CONNECTION_CREATED, null, null, null, null, null, 1, 2));
    assertThat(second.items()).isNotEmpty().doesNotContainAnyElementsOf(first.items());
    assertThat(
            search(
                    new AuditQuery(
                        "other",
                        null,
                        null,
                        null,
                        null,
                        Instant.now().plusSeconds(60),
                        null,
                        0,
                        10))
                .items())
        .isEmpty();
    assertThat(
            search(new AuditQuery("other", null, null, null, null, null, Instant.EPOCH, 0, 10))
                .items())
        .isEmpty();
    assertThatThrownBy(() -> search(new AuditQuery(null, null, null, null, null, null, null, 0, 0)))
        .hasMessageContaining("size");
  }

  @Test
  void aFailedChangeLeavesNoEvent() {
    ConnectionView first = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    ConnectionView second = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    assertThatThrownBy(
            () ->
                connections.update(
                    modeler,
                    second.connection().id(),
                    new ConnectionDraft(
                        null,
                        first.connection().name(),
                        null,
                        null,
                        second.connection().version())))
        .isInstanceOf(ConflictException.class);
    assertThat(eventsOf(second.connection().key()))
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.CONNECTION_CREATED);
  }

  private List<AuditEvent> eventsOf(String connectionKey) {
    return auditLog
        .search(
            new dev.flowconnections.access.Actor(
                "modeler", ORG, java.util.Set.of(dev.flowconnections.access.Role.ADMIN)),
            new AuditQuery(null, null, connectionKey, null, null, null, null, 0, 500))
        .items();
  }

  private AuditPage search(AuditQuery query) {
    return auditLog.search(admin, query);
  }
}
