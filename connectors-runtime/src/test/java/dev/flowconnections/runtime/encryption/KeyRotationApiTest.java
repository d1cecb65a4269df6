package dev.flowconnections.runtime.encryption;

import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The operator's view over HTTP. This runtime has only its active key k1, so a run has nothing to
 * re-seal; the rotation itself is tested against real rows in secrets-provider (KeyRotation*Test).
 */
class KeyRotationApiTest extends ApiTestBase {

  private static final String PATH = "/api/admin/encryption/rotation";

  @Test
  void aSuperAdministratorStartsARunAndReadsItsProgressPerKeyId() throws Exception {
    admin.put(
        "/api/secrets/ROTATION_API_" + System.nanoTime(), Map.of("value", "never-shown-value"));

    Response started = root.post(PATH, null);

    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    assertThat(started.text("/activeKeyId")).isEqualTo("k1");
    assertThat(started.text("/targetKeyId")).isEqualTo("k1");
    assertThat(started.text("/startedBy")).isEqualTo("root");

    JsonNode status = awaitEnd();
    assertThat(status.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(status.get("remaining").asLong()).isZero();
    JsonNode k1 = status.get("keys").get(0);
    assertThat(k1.get("keyId").asText()).isEqualTo("k1");
    assertThat(k1.get("active").asBoolean()).isTrue();
    assertThat(k1.get("rows").asLong()).isPositive();
    assertThat(status.get("removableKeyIds")).isEmpty();
    assertThat(String.join("\n", root.transcript())).doesNotContain("never-shown-value");
  }

  @Test
  void organizationAdminsUsersAndAnonymousCallersGetProblems() {
    // one master key serves every organization: an organization's admin may not rotate it
    assertProblem(admin.get(PATH), 403);
    assertProblem(admin.post(PATH, null), 403);
    assertProblem(modeler.get(PATH), 403);
    assertProblem(modeler.post(PATH, null), 403);
    assertProblem(api.anonymous().get(PATH), 401);
  }

  private JsonNode awaitEnd() {
    return Awaitility.await("the rotation ends")
        .atMost(Duration.ofMinutes(2))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> root.get(PATH).json(), status -> !status.get("state").asText().equals("RUNNING"));
  }
}
