package dev.flowconnections.runtime.connection;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.postConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.postKeyedConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.read;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.scope.RuntimeCaller;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attacks of an ordinary USER on other people's connections through the API: taking over a shared
 * connection by making it personal (issue 13, item 5) and learning that someone's personal
 * connection exists from a name or key conflict (item 6).
 */
class ConnectionOwnershipApiTest extends ApiTestBase {

  @Autowired CachingConnectionResolver resolver;

  String integrationId;

  @BeforeEach
  void setUp() {
    integrationId = createBasicRestIntegration(admin, "Ownership " + tag());
  }

  @Test
  void aUserCannotTakeOverAnotherUsersSharedConnectionByMakingItPersonal() {
    Response created = createConnection(admin, integrationId, "Shared " + tag(), "ORGANIZATION");
    String id = created.text("/id");
    admin.put(
        ConnectionApiTest.env(id, "DEVELOPMENT"),
        credentials(Map.of("username", "admin-svc", "password", "admins-token")));
    String before = read(admin, "/api/connections/" + id);
    long version = admin.get("/api/connections/" + id).json().get("version").asLong();

    Response takeOver = changeVisibility(modeler, created, "PERSONAL", version);

    assertThat(takeOver.status()).as(takeOver.toString()).isEqualTo(403);
    assertThat(takeOver.isProblem()).isTrue();
    assertThat(takeOver.text("/field")).isEqualTo("visibility");
    assertThat(read(admin, "/api/connections/" + id)).as("nothing changed").isEqualTo(before);
    assertThat(read(modeler, "/api/connections/" + id)).isEqualTo(before);
  }

  @Test
  void evenTheCreatorNeedsAnAdminToMakeASharedConnectionPersonal() {
    Response created =
        createConnection(modeler, integrationId, "Mine but shared " + tag(), "ORGANIZATION");

    Response refused = changeVisibility(modeler, created, "PERSONAL", 1);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.text("/field")).isEqualTo("visibility");
    assertThat(
            modeler
                .get("/api/connections/" + created.text("/id"))
                .json()
                .get("visibility")
                .asText())
        .isEqualTo("ORGANIZATION");
  }

  @Test
  void anAdminMakesASharedConnectionPersonalAndBecomesItsOwner() {
    Response created =
        createConnection(modeler, integrationId, "To admin " + tag(), "ORGANIZATION");

    Response personal = changeVisibility(admin, created, "PERSONAL", 1);

    assertThat(personal.status()).as(personal.toString()).isEqualTo(200);
    assertThat(personal.text("/owner")).isEqualTo("admin");
    assertThat(modeler.get("/api/connections/" + created.text("/id")).status()).isEqualTo(404);
  }

  @Test
  void theOwnerSharesTheirPersonalConnectionAndOthersMayRenameButNotReScopeIt() {
    Response created =
        createConnection(modeler, integrationId, "Shared later " + tag(), "PERSONAL");
    String id = created.text("/id");

    Response shared = changeVisibility(modeler, created, "ORGANIZATION", 1);
    assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
    assertThat(shared.text("/owner")).isEqualTo("modeler");

    Response renamed =
        other.put("/api/connections/" + id, Map.of("name", "Renamed " + tag(), "version", 2));
    assertThat(renamed.status())
        .as("a shared connection stays editable by everyone")
        .isEqualTo(200);
    Response back = changeVisibility(other, renamed, "PERSONAL", 3);
    assertThat(back.status()).isEqualTo(403);
    assertThat(back.text("/field")).isEqualTo("visibility");
  }

  @Test
  void aNameTakenBySomeoneElsesPersonalConnectionIsNotRevealed() {
    String name = "Private CRM " + tag();
    Response mine = createConnection(modeler, integrationId, name, "PERSONAL");

    Response sameNamePersonal = postConnection(admin, integrationId, name, "PERSONAL");
    Response sameNameShared = postConnection(other, integrationId, name, "ORGANIZATION");

    assertThat(sameNameShared.status()).as(sameNameShared.toString()).isEqualTo(201);
    assertThat(sameNamePersonal.status()).as(sameNamePersonal.toString()).isEqualTo(201);
    assertThat(sameNameShared.text("/key")).isNotEqualTo(mine.text("/key"));
    assertThat(sameNamePersonal.text("/key"))
        .isNotEqualTo(mine.text("/key"))
        .isNotEqualTo(sameNameShared.text("/key"));
    // names visible to the same user stay unique: the owner cannot add a second personal one of
    // that name
    Response again = postConnection(modeler, integrationId, name, "PERSONAL");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void renamingASharedConnectionDoesNotRevealItsOwnersPersonalNames() {
    String secretName = "Owner's private " + tag();
    createConnection(modeler, integrationId, secretName, "PERSONAL");
    String shared =
        createConnection(modeler, integrationId, "Shared by modeler " + tag(), "ORGANIZATION")
            .text("/id");

    Response renamed =
        other.put("/api/connections/" + shared, Map.of("name", secretName, "version", 1));

    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
  }

  @Test
  void aKeyTakenBySomeoneElsesPersonalConnectionIsNotRevealedAndRuntimeLookupStaysUnambiguous() {
    String key = "secret-crm-" + tag();
    Response mine = postKeyedConnection(modeler, integrationId, "Mine " + tag(), key, "PERSONAL");
    assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
    assertThat(mine.text("/key"))
        .as("a personal key lives in its owner's namespace")
        .isEqualTo(key + "@modeler");
    modeler.put(
        ConnectionApiTest.env(mine.text("/id"), "DEVELOPMENT"),
        credentials(Map.of("username", "mine", "password", "p1")));

    Response shared =
        postKeyedConnection(other, integrationId, "Shared " + tag(), key, "ORGANIZATION");
    assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
    assertThat(shared.text("/key")).isEqualTo(key);
    other.put(
        ConnectionApiTest.env(shared.text("/id"), "DEVELOPMENT"),
        credentials(Map.of("username", "shared", "password", "p2")));

    // nobody can create a key in someone else's namespace, so nobody can probe it either
    Response intoTheNamespace =
        postKeyedConnection(
            other, integrationId, "Probe " + tag(), key + "@modeler", "ORGANIZATION");
    assertThat(intoTheNamespace.status()).isEqualTo(400);
    assertThat(intoTheNamespace.text("/field")).isEqualTo("key");

    // the lookup by key (process scope aside: a person's view)
    assertThat(
            resolver
                .resolve("default", key, Environment.DEVELOPMENT, RuntimeCaller.PERSON)
                .text("username"))
        .contains("shared");
    assertThat(
            resolver
                .resolve("default", key + "@modeler", Environment.DEVELOPMENT, RuntimeCaller.PERSON)
                .text("username"))
        .contains("mine");
  }

  /** {@code user} gives the connection {@code created} another visibility, keeping its name. */
  private static Response changeVisibility(
      ApiClient user, Response created, String visibility, long version) {
    return user.put(
        "/api/connections/" + created.text("/id"),
        Map.of("name", created.text("/name"), "visibility", visibility, "version", version));
  }
}
