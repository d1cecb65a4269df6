package dev.flowconnections.templates.webmodeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.NodeType;
import dev.flowconnections.templates.TemplatePublisher;
import dev.flowconnections.testsupport.DatabaseTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Published templates reach a Web Modeler project through its documented API. Every test uses an
 * organization of its own, which is the one configured for the push, so the project holds only
 * that test's files.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebModelerPushTest extends DatabaseTest {

  static final FakeWebModeler WEB_MODELER = new FakeWebModeler();
  static final String ORG = "wm-" + UUID.randomUUID();
  static final String CLIENT_SECRET = "wm-client-secret-value";

  @DynamicPropertySource
  static void webModeler(DynamicPropertyRegistry registry) {
    registry.add("flow-connections.templates.web-modeler.base-url", WEB_MODELER::baseUrl);
    registry.add("flow-connections.templates.web-modeler.token-url", () -> WEB_MODELER.baseUrl() + "/oauth/token");
    registry.add("flow-connections.templates.web-modeler.project-id", () -> "project-1");
    registry.add("flow-connections.templates.web-modeler.client-id", () -> "flow-connections");
    registry.add("flow-connections.templates.web-modeler.client-secret", () -> CLIENT_SECRET);
    registry.add("flow-connections.templates.web-modeler.organization-id", () -> ORG);
  }

  @AfterAll
  static void stop() {
    WEB_MODELER.close();
  }

  @Autowired TemplatePublisher publisher;
  private final Actor orgAdmin = new Actor("admin", ORG, Set.of(Role.ADMIN));
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void reset() {
    WEB_MODELER.failFileWritesWith = 0;
  }

  @Test
  void publicationsCreateThenUpdateOnlyChangedFilesWithACachedToken() throws Exception {
    int tokensBefore = WEB_MODELER.requests("POST", "/oauth/token").size();
    publisher.publish(orgAdmin);

    assertThat(WEB_MODELER.files).hasSize(NodeType.values().length);
    FakeWebModeler.StoredFile rest = file("Flow Connections: REST API");
    assertThat(rest.projectId()).isEqualTo("project-1");
    assertThat(rest.fileType()).isEqualTo("connector_template");
    assertThat(json.readTree(rest.content()).get("id").asText()).isEqualTo("io.flowconnections.rest-api");
    assertThat(WEB_MODELER.requests("POST", "/api/v1/files")).allSatisfy(r ->
        assertThat(r.authorization()).isEqualTo("Bearer " + WEB_MODELER.validToken));
    FakeWebModeler.Request tokenRequest = WEB_MODELER.requests("POST", "/oauth/token").getLast();
    assertThat(tokenRequest.body()).contains("grant_type=client_credentials", "client_id=flow-connections",
        "client_secret=" + CLIENT_SECRET, "audience=web-modeler-api");

    int patchesBefore = WEB_MODELER.requests("PATCH", "/api/v1/files/").size();
    long restRevision = file("Flow Connections: REST API").revision();
    long sqlRevision = file("Flow Connections: SQL").revision();
    newRestConnection("Billing");
    publisher.publish(orgAdmin);

    assertThat(WEB_MODELER.requests("PATCH", "/api/v1/files/")).hasSize(patchesBefore + 2); // REST API + REST API Tool
    assertThat(file("Flow Connections: REST API").revision()).isEqualTo(restRevision + 1);
    assertThat(file("Flow Connections: REST API").content()).contains("billing");
    assertThat(file("Flow Connections: SQL").revision()).isEqualTo(sqlRevision);
    assertThat(WEB_MODELER.requests("POST", "/oauth/token")).hasSize(tokensBefore + 1);
  }

  @Test
  void aRejectedTokenIsFetchedAgainOnce() {
    publisher.publish(orgAdmin);
    int tokensBefore = WEB_MODELER.requests("POST", "/oauth/token").size();
    WEB_MODELER.validToken = "revoked-elsewhere";
    newRestConnection("Shipping");

    publisher.publish(orgAdmin);

    assertThat(WEB_MODELER.requests("POST", "/oauth/token")).hasSize(tokensBefore + 1);
    assertThat(file("Flow Connections: REST API").content()).contains("shipping");
  }

  @Test
  void aFailingWebModelerNeitherFailsThePublicationNorLeaksCredentials(CapturedOutput output) {
    publisher.publish(orgAdmin);
    WEB_MODELER.failFileWritesWith = 500;
    newRestConnection("Returns");

    TemplatePublisher.Publication publication = publisher.publish(orgAdmin);

    assertThat(publication.changedCount()).isEqualTo(2);
    assertThat(output.getOut()).contains("Pushing template io.flowconnections.rest-api", "answered HTTP 500", "2 failed")
        .doesNotContain(CLIENT_SECRET).doesNotContain(WEB_MODELER.validToken);
  }

  private FakeWebModeler.StoredFile file(String name) {
    return WEB_MODELER.files.values().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private void newRestConnection(String name) {
    Integration integration = integrations.create(orgAdmin, new IntegrationDraft(unique(name), null, null,
        IntegrationType.REST_API, null, null, AuthScheme.BEARER, null, null, Map.of("baseUrl", "https://x.example.com"), null, null));
    connections.create(orgAdmin, new ConnectionDraft(integration.id(), name, null, Visibility.ORGANIZATION, null));
  }
}
