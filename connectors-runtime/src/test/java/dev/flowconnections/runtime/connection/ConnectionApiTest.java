package dev.flowconnections.runtime.connection;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.basicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.postConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.postKeyedConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.scope.RuntimeCaller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConnectionApiTest extends ApiTestBase {

  @Autowired CachingConnectionResolver resolver;

  String integrationId;

  @BeforeEach
  void setUp() {
    integrationId = createBasicRestIntegration(admin, "Gmail " + tag());
  }

  @Test
  void createsAConnectionWithAKeyDerivedFromItsName() {
    String tag = tag();
    Response created =
        postConnection(modeler, integrationId, "Sales Team Gmail " + tag, "ORGANIZATION");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(created.location()).isEqualTo("/api/connections/" + body.get("id").asText());
    assertThat(body.get("key").asText()).isEqualTo("sales-team-gmail-" + tag);
    assertThat(body.get("name").asText()).isEqualTo("Sales Team Gmail " + tag);
    assertThat(body.get("visibility").asText()).isEqualTo("ORGANIZATION");
    assertThat(body.get("owner").asText()).isEqualTo("modeler");
    assertThat(body.get("version").asLong()).isEqualTo(1);
    assertThat(body.at("/integration/id").asText()).isEqualTo(integrationId);
    assertThat(body.at("/integration/type").asText()).isEqualTo("REST_API");
    assertThat(body.at("/integration/typeLabel").asText()).isEqualTo("REST API");
    assertThat(body.at("/credentialStatus/configured").asInt()).isZero();
    assertThat(body.at("/credentialStatus/total").asInt()).isEqualTo(4);
    assertThat(body.at("/credentialStatus/label").asText())
        .isEqualTo("0 of 4 environments configured");
    assertThat(fieldNames(body.get("environments")))
        .containsExactly("DEVELOPMENT", "QA", "STAGING", "PRODUCTION");
    assertThat(body.at("/environments/QA/status").asText()).isEqualTo("NOT_CONFIGURED");
    assertThat(body.at("/environments/QA/fields/password/set").asBoolean()).isFalse();

    assertThat(modeler.get(created.location()).json().get("key").asText())
        .isEqualTo("sales-team-gmail-" + tag);
  }

  @Test
  void takesAnExplicitKey() {
    String key = "crm-" + tag();
    Response created = postKeyedConnection(modeler, integrationId, "CRM " + tag(), key, "PERSONAL");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("key").asText())
        .as("personal keys carry their owner")
        .isEqualTo(key + "@modeler");
    Response shared =
        postKeyedConnection(modeler, integrationId, "Shared CRM " + tag(), key, "ORGANIZATION");
    assertThat(shared.json().get("key").asText()).isEqualTo(key);
  }

  @Test
  void storesCredentialsPerEnvironmentAndCountsConfiguredOnes() {
    String id =
        createConnection(modeler, integrationId, "Billing " + tag(), "ORGANIZATION").text("/id");

    Response dev =
        modeler.put(
            env(id, "DEVELOPMENT"),
            credentials(Map.of("username", "svc-dev", "password", "dev-pass-1")));

    assertThat(dev.status()).as(dev.toString()).isEqualTo(200);
    JsonNode body = dev.json();
    assertThat(body.at("/environments/DEVELOPMENT/status").asText()).isEqualTo("CONFIGURED");
    assertThat(body.at("/environments/DEVELOPMENT/fields/username").asText()).isEqualTo("svc-dev");
    assertThat(body.at("/environments/DEVELOPMENT/fields/password").toString())
        .isEqualTo("{\"set\":true}");
    assertThat(body.at("/environments/DEVELOPMENT/updatedBy").asText()).isEqualTo("modeler");
    assertThat(body.at("/environments/DEVELOPMENT/updatedAt").asText()).isNotBlank();
    assertThat(body.at("/credentialStatus/label").asText())
        .isEqualTo("1 of 4 environments configured");
    assertThat(body.get("version").asLong()).isEqualTo(2);

    // lower case works too: environment names in paths are case-insensitive
    Response prod =
        other.put(
            env(id, "production"),
            credentials(Map.of("username", "svc", "password", "prod-pass-1")));
    assertThat(prod.status()).as(prod.toString()).isEqualTo(200);

    JsonNode read = modeler.get("/api/connections/" + id).json();
    assertThat(read.at("/credentialStatus/configured").asInt()).isEqualTo(2);
    assertThat(read.at("/credentialStatus/label").asText())
        .isEqualTo("2 of 4 environments configured");
    assertThat(read.at("/environments/PRODUCTION/status").asText()).isEqualTo("CONFIGURED");
    assertThat(read.at("/environments/PRODUCTION/updatedBy").asText()).isEqualTo("other");
    assertThat(read.at("/environments/QA/status").asText()).isEqualTo("NOT_CONFIGURED");
    assertThat(read.at("/environments/QA/updatedAt").isMissingNode()).isTrue();
  }

  @Test
  void aBlankSecretFieldOnUpdateKeepsTheStoredValue() {
    Response created = createConnection(modeler, integrationId, "Keep " + tag(), "ORGANIZATION");
    String id = created.text("/id");
    String key = created.text("/key");
    modeler.put(
        env(id, "DEVELOPMENT"),
        credentials(Map.of("username", "svc", "password", "the-old-password")));

    Response blank =
        modeler.put(
            env(id, "DEVELOPMENT"), credentials(Map.of("username", "svc-renamed", "password", "")));
    Response absent =
        modeler.put(env(id, "DEVELOPMENT"), credentials(Map.of("username", "svc-renamed")));

    assertThat(blank.status()).as(blank.toString()).isEqualTo(200);
    assertThat(absent.status()).as(absent.toString()).isEqualTo(200);
    JsonNode read = modeler.get("/api/connections/" + id).json();
    assertThat(read.at("/environments/DEVELOPMENT/fields/username").asText())
        .isEqualTo("svc-renamed");
    assertThat(read.at("/environments/DEVELOPMENT/fields/password/set").asBoolean()).isTrue();
    assertThat(read.at("/environments/DEVELOPMENT/status").asText()).isEqualTo("CONFIGURED");
    var resolved = resolver.resolve("default", key, Environment.DEVELOPMENT, RuntimeCaller.PERSON);
    assertThat(resolved.secrets().text("password")).contains("the-old-password");
    assertThat(resolved.text("username")).contains("svc-renamed");

    // a new value replaces it, and the resolver's cache does not hide the change
    modeler.put(env(id, "DEVELOPMENT"), credentials(Map.of("password", "the-new-password")));
    assertThat(
            resolver
                .resolve("default", key, Environment.DEVELOPMENT, RuntimeCaller.PERSON)
                .secrets()
                .text("password"))
        .contains("the-new-password");
  }

  @Test
  void anExplicitNullClearsAnOptionalSettingWhileBlankOrAbsentSecretsStay() {
    String smtp =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Mail " + tag(),
                "type",
                "EMAIL",
                "authScheme",
                "NONE",
                "config",
                Map.of("provider", "SMTP", "host", "smtp.example.test")));
    Response created = createConnection(modeler, smtp, "Mailer " + tag(), "ORGANIZATION");
    String id = created.text("/id");
    modeler.put(
        env(id, "QA"), credentials(Map.of("username", "mailer", "password", "smtp-secret-1")));

    Map<String, Object> cleared = new HashMap<>();
    cleared.put("username", null); // clear the optional setting
    cleared.put("password", ""); // a blank secret keeps the stored one
    Response response = modeler.put(env(id, "QA"), credentials(cleared));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().at("/environments/QA/fields/username").isMissingNode()).isTrue();
    assertThat(response.json().at("/environments/QA/fields/password/set").asBoolean()).isTrue();
    var resolved =
        resolver.resolve("default", created.text("/key"), Environment.QA, RuntimeCaller.PERSON);
    assertThat(resolved.text("username")).isEmpty();
    assertThat(resolved.secrets().text("password")).contains("smtp-secret-1");

    // a null secret keeps it too: only a non-secret field is cleared by null
    Map<String, Object> nullSecret = new HashMap<>();
    nullSecret.put("password", null);
    modeler.put(env(id, "QA"), credentials(nullSecret));
    assertThat(
            resolver
                .resolve("default", created.text("/key"), Environment.QA, RuntimeCaller.PERSON)
                .secrets()
                .text("password"))
        .contains("smtp-secret-1");
  }

  @Test
  void clearingARequiredSettingIsRefusedNamingTheField() {
    String id =
        createConnection(modeler, integrationId, "Req " + tag(), "ORGANIZATION").text("/id");
    modeler.put(env(id, "DEVELOPMENT"), credentials(Map.of("username", "svc", "password", "pw")));

    Map<String, Object> cleared = new HashMap<>();
    cleared.put("username", null);
    JsonNode problem =
        assertProblem(
            modeler.put(env(id, "DEVELOPMENT"), credentials(cleared)), 400, "fields.username");

    assertThat(problem.path("detail").asText()).contains("required");
    assertThat(
            modeler
                .get("/api/connections/" + id)
                .json()
                .at("/environments/DEVELOPMENT/fields/username")
                .asText())
        .isEqualTo("svc");
  }

  @Test
  void listsConnectionsFilteredBySearchTypeAndIntegration() {
    String tag = tag();
    String mailIntegration =
        admin
            .post(
                "/api/integrations",
                Map.of(
                    "name",
                    "Mail " + tag,
                    "type",
                    "EMAIL",
                    "config",
                    Map.of("host", "smtp.example.test")))
            .text("/id");
    String rest =
        createConnection(modeler, integrationId, "Orders " + tag, "ORGANIZATION").text("/id");
    String mail =
        createConnection(other, mailIntegration, "Newsletter " + tag, "ORGANIZATION").text("/id");

    assertThat(ids(modeler.get("/api/connections?search=" + tag)))
        .containsExactlyInAnyOrder(rest, mail);
    assertThat(ids(modeler.get("/api/connections?search=" + tag + "&type=EMAIL")))
        .containsExactly(mail);
    assertThat(ids(modeler.get("/api/connections?search=" + tag + "&type=REST_API")))
        .containsExactly(rest);
    assertThat(ids(modeler.get("/api/connections?integrationId=" + mailIntegration)))
        .containsExactly(mail);
    assertThat(ids(modeler.get("/api/connections?search=orders%20" + tag))).containsExactly(rest);
  }

  @Test
  void renamesAConnectionKeepingItsKey() {
    Response created =
        createConnection(modeler, integrationId, "Old name " + tag(), "ORGANIZATION");
    String id = created.text("/id");

    Response renamed =
        modeler.put(
            "/api/connections/" + id,
            Map.of("name", "New name " + tag(), "visibility", "ORGANIZATION", "version", 1));

    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.json().get("key").asText()).isEqualTo(created.text("/key"));
    assertThat(renamed.json().get("version").asLong()).isEqualTo(2);
    assertThat(renamed.json().get("updatedBy").asText()).isEqualTo("modeler");
    assertThat(modeler.get("/api/connections/" + id).text("/name")).startsWith("New name ");
  }

  @Test
  void deletesTheCredentialsOfOneEnvironment() {
    String id =
        createConnection(modeler, integrationId, "Envs " + tag(), "ORGANIZATION").text("/id");
    modeler.put(env(id, "QA"), credentials(Map.of("username", "qa", "password", "qa-pass")));
    modeler.put(env(id, "STAGING"), credentials(Map.of("username", "st", "password", "st-pass")));

    Response deleted = modeler.delete(env(id, "QA"));

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    assertThat(deleted.json().at("/environments/QA/status").asText()).isEqualTo("NOT_CONFIGURED");
    assertThat(deleted.json().at("/environments/QA/fields/password/set").asBoolean()).isFalse();
    assertThat(deleted.json().at("/environments/STAGING/status").asText()).isEqualTo("CONFIGURED");
    assertThat(deleted.json().at("/credentialStatus/configured").asInt()).isEqualTo(1);
    Response again = modeler.delete(env(id, "QA"));
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.isProblem()).isTrue();
  }

  @Test
  void anEnvironmentBecomesIncompleteWhenTheIntegrationNeedsMoreFields() {
    Map<String, Object> bearer = basicRestIntegration("Tokens " + tag());
    bearer.put("authScheme", "BEARER");
    String tokens = admin.post("/api/integrations", bearer).text("/id");
    String id =
        createConnection(modeler, tokens, "Token conn " + tag(), "ORGANIZATION").text("/id");
    modeler.put(env(id, "DEVELOPMENT"), credentials(Map.of("token", "bearer-token-1")));
    assertThat(modeler.get("/api/connections/" + id).text("/environments/DEVELOPMENT/status"))
        .isEqualTo("CONFIGURED");

    bearer.put("authScheme", "BASIC");
    bearer.put("version", 1);
    assertThat(admin.put("/api/integrations/" + tokens, bearer).status()).isEqualTo(200);

    JsonNode read = modeler.get("/api/connections/" + id).json();
    assertThat(read.at("/environments/DEVELOPMENT/status").asText()).isEqualTo("INCOMPLETE");
    assertThat(read.at("/credentialStatus/configured").asInt()).isZero();
    assertThat(read.at("/environments/DEVELOPMENT/fields/password/set").asBoolean()).isFalse();
  }

  @Test
  void deletesAConnection() {
    String id =
        createConnection(modeler, integrationId, "Doomed " + tag(), "ORGANIZATION").text("/id");
    modeler.put(env(id, "DEVELOPMENT"), credentials(Map.of("username", "u", "password", "p")));

    assertThat(other.delete("/api/connections/" + id).status())
        .as("organization connections are shared")
        .isEqualTo(204);

    assertThat(modeler.get("/api/connections/" + id).status()).isEqualTo(404);
    assertThat(modeler.delete("/api/connections/" + id).status()).isEqualTo(404);
  }

  @Test
  void aPersonalConnectionExistsOnlyForItsOwner() {
    String tag = tag();
    String id = createConnection(modeler, integrationId, "Private " + tag, "PERSONAL").text("/id");

    for (ApiClient stranger : List.of(other, admin)) {
      Response read = stranger.get("/api/connections/" + id);
      assertThat(read.status()).isEqualTo(404);
      assertThat(read.isProblem()).isTrue();
      assertThat(ids(stranger.get("/api/connections?search=" + tag))).isEmpty();
      assertThat(
              stranger
                  .put("/api/connections/" + id, Map.of("name", "Stolen " + tag, "version", 1))
                  .status())
          .isEqualTo(404);
      assertThat(
              stranger
                  .put(
                      env(id, "DEVELOPMENT"), credentials(Map.of("username", "x", "password", "y")))
                  .status())
          .isEqualTo(404);
      assertThat(stranger.delete("/api/connections/" + id).status()).isEqualTo(404);
    }

    assertThat(ids(modeler.get("/api/connections?search=" + tag))).containsExactly(id);
    JsonNode mine = modeler.get("/api/connections/" + id).json();
    assertThat(mine.get("name").asText()).isEqualTo("Private " + tag);
    assertThat(mine.get("version").asLong()).isEqualTo(1);
    assertThat(mine.at("/environments/DEVELOPMENT/status").asText()).isEqualTo("NOT_CONFIGURED");
  }

  static String env(String id, String environment) {
    return "/api/connections/" + id + "/environments/" + environment;
  }

  private static List<String> ids(Response list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return StreamSupport.stream(list.json().spliterator(), false)
        .map(n -> n.get("id").asText())
        .toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
