package dev.flowconnections.runtime.catalogue;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.postConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The System catalogue through the API: seeded, filtered by vertical, hidden by super admins. */
class CatalogueApiTest extends ApiTestBase {

  @Test
  void everyConfiguredOrganizationStartsWithTheCatalogue() {
    assertThat(names(modeler.get("/api/integrations?scope=SYSTEM")))
        .contains("OpenAI", "Anthropic (Claude)", "Twilio", "PostgreSQL", "Amazon S3", "Box");
    // other-org's users are configured too: seeded at start-up, each in its own organization
    JsonNode openAi =
        only(
            api.as("stranger").get("/api/integrations?scope=SYSTEM&search=OpenAI").json(),
            "OpenAI");
    assertThat(openAi.get("domainVertical").asText()).isEqualTo("AI");
    assertThat(openAi.at("/config/baseUrl").asText()).isEqualTo("https://api.openai.com");
    assertThat(openAi.get("createdBy").asText()).isEqualTo("system:catalogue");
  }

  @Test
  void theIntegrationsListFiltersByVerticalAndListsTheVerticals() {
    Response databases = modeler.get("/api/integrations?vertical=database");

    assertThat(databases.status()).isEqualTo(200);
    assertThat(names(databases))
        .contains("PostgreSQL", "MySQL / MariaDB", "SQL Server", "Oracle", "SQLite")
        .doesNotContain("OpenAI");
    assertThat(databases.json().findValuesAsText("domainVertical")).containsOnly("Database");
    assertThat(names(modeler.get("/api/integrations?vertical=no-such-vertical"))).isEmpty();

    JsonNode verticals = modeler.get("/api/integrations/verticals").json();
    assertThat(strings(verticals.get("suggested")))
        .containsExactly(
            "AI",
            "Communication",
            "Email",
            "Database",
            "Storage",
            "CRM",
            "HRIS",
            "Developer tools");
    assertThat(strings(verticals.get("inUse")))
        .contains("AI", "Communication", "Database", "Email", "Storage", "Developer tools");
  }

  @Test
  void theConnectionsListFiltersByItsIntegrationsVertical() {
    String twilio = idOf(modeler.get("/api/integrations?scope=SYSTEM&search=Twilio"), "Twilio");
    String crm = integrationWithVertical("CRM");
    String texts = "Texts " + tag();
    String customers = "Customers " + tag();
    createConnection(modeler, twilio, texts, "PERSONAL");
    createConnection(modeler, crm, customers, "PERSONAL");

    Response communication = modeler.get("/api/connections?vertical=communication");
    assertThat(names(communication)).contains(texts).doesNotContain(customers);
    assertThat(communication.json().findValuesAsText("domainVertical"))
        .containsOnly("Communication");
    assertThat(names(modeler.get("/api/connections?vertical=CRM")))
        .contains(customers)
        .doesNotContain(texts);
  }

  @Test
  void aHiddenSystemIntegrationIsOfferedOnlyToSuperAdmins() {
    String name = "Hidden CRM " + tag();
    String id =
        createIntegration(
            root,
            Map.of(
                "name", name,
                "type", "REST_API",
                "scope", "SYSTEM",
                "domainVertical", "CRM",
                "authScheme", "BEARER",
                "config", Map.of("baseUrl", "https://crm.example.test")));

    assertProblem(admin.put("/api/integrations/" + id + "/hidden", Map.of("hidden", true)), 403);
    assertProblem(modeler.put("/api/integrations/" + id + "/hidden", Map.of("hidden", true)), 403);
    assertProblem(root.put("/api/integrations/" + id + "/hidden", Map.of()), 400, "hidden");
    Response hidden = root.put("/api/integrations/" + id + "/hidden", Map.of("hidden", true));
    assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);
    assertThat(hidden.json().get("hidden").asBoolean()).isTrue();

    assertThat(names(modeler.get("/api/integrations"))).doesNotContain(name);
    assertThat(names(admin.get("/api/integrations?vertical=CRM"))).doesNotContain(name);
    assertThat(names(root.get("/api/integrations?vertical=CRM"))).contains(name);
    assertProblem(
        postConnection(modeler, id, "Leads " + tag(), "ORGANIZATION"), 400, "integrationId");

    // a client that sends back what it read cannot unhide it through the edit form
    JsonNode read = root.get("/api/integrations/" + id).json();
    Response edited = root.put("/api/integrations/" + id, read);
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().get("hidden").asBoolean()).isTrue();

    root.put("/api/integrations/" + id + "/hidden", Map.of("hidden", false));
    assertThat(names(modeler.get("/api/integrations"))).contains(name);
    createConnection(modeler, id, "Leads " + tag(), "PERSONAL");
  }

  @Test
  void anOrganizationIntegrationCannotBeHidden() {
    String id = integrationWithVertical("HRIS");

    assertProblem(root.put("/api/integrations/" + id + "/hidden", Map.of("hidden", true)), 400);
  }

  /**
   * With the catalogue a USER names a database's host: the network policy still decides, and a host
   * that would smuggle a driver parameter into the URL is refused naming the field.
   */
  @Test
  void aUsersDatabaseHostIsCheckedLikeAnAdminsUrl() {
    String postgres =
        idOf(modeler.get("/api/integrations?scope=SYSTEM&search=PostgreSQL"), "PostgreSQL");
    String id =
        createConnection(modeler, postgres, "Probe " + tag(), "PERSONAL").json().get("id").asText();
    String environment = "/api/connections/" + id + "/environments/DEVELOPMENT";

    modeler.put(
        environment,
        credentials(Map.of("host", "169.254.169.254", "database", "x", "username", "u")));
    Response metadata = modeler.post(environment + "/test", Map.of());
    assertThat(metadata.json().get("ok").asBoolean()).as(metadata.toString()).isFalse();
    assertThat(metadata.json().get("message").asText())
        .isEqualTo("169.254.169.254: " + OutboundAddressPolicy.REFUSAL);

    modeler.put(
        environment,
        credentials(
            Map.of(
                "host",
                "127.0.0.1/x?socketFactory=org.springframework.context.support.FileSystemXmlApplicationContext",
                "username",
                "u")));
    Response injected = modeler.post(environment + "/test", Map.of());
    assertThat(injected.json().get("ok").asBoolean()).isFalse();
    assertThat(injected.json().get("message").asText())
        .startsWith("host must be")
        .doesNotContain("socketFactory");
  }

  private String integrationWithVertical(String vertical) {
    return createIntegration(
        admin,
        Map.of(
            "name",
            vertical + " " + tag(),
            "type",
            "REST_API",
            "domainVertical",
            vertical,
            "authScheme",
            "NONE",
            "config",
            Map.of("baseUrl", "https://" + vertical.toLowerCase() + ".example.test")));
  }

  private static List<String> names(Response list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return StreamSupport.stream(list.json().spliterator(), false)
        .map(n -> n.get("name").asText())
        .toList();
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static JsonNode only(JsonNode list, String name) {
    return StreamSupport.stream(list.spliterator(), false)
        .filter(n -> n.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + list));
  }

  private static String idOf(Response list, String name) {
    return only(list.json(), name).get("id").asText();
  }
}
