package dev.flowconnections.runtime.network;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.connectiontest.ConnectionTests;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 10: "test connection" is no port scanner for USERs. The runtime of the API tests
 * denies 127.0.0.2/32 ({@code flow-connections.network.deny}, see RuntimeTestSupport); the defaults
 * deny link-local (169.254.169.254). Nothing here sends traffic off 127.0.0.0/8: a refused address
 * is refused before any connection is attempted.
 */
class NetworkPolicyApiTest extends ApiTestBase {

  @Test
  void aUserTestingTheMetadataAddressGetsOnlyThePolicysRefusal() {
    String id = restConnection("http://169.254.169.254/latest/meta-data");
    long before = OutboundAddressPolicy.refusals();

    Response tested =
        modeler.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());

    assertThat(tested.json().get("ok").asBoolean()).as(tested.toString()).isFalse();
    assertThat(tested.json().get("message").asText())
        .isEqualTo("169.254.169.254: " + OutboundAddressPolicy.REFUSAL);
    assertThat(OutboundAddressPolicy.refusals())
        .as("refused by the policy, before any socket")
        .isEqualTo(before + 1);
    assertThat(
            modeler
                .get("/api/connections/" + id)
                .json()
                .at("/environments/DEVELOPMENT/lastTest/message")
                .asText())
        .contains(OutboundAddressPolicy.REFUSAL);
  }

  @Test
  void aLoopbackAddressTheOperatorDeniedReceivesNoConnection() throws Exception {
    try (CountingServer denied = new CountingServer("127.0.0.2")) {
      String id = restConnection(denied.url() + "/api");

      Response byUser =
          modeler.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());
      Response byAdmin =
          admin.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());

      assertThat(byUser.json().get("message").asText())
          .isEqualTo("127.0.0.2: " + OutboundAddressPolicy.REFUSAL);
      assertThat(byAdmin.json().get("message").asText())
          .isEqualTo("127.0.0.2: " + OutboundAddressPolicy.REFUSAL);
      assertThat(denied.accepted()).isZero();
    }
  }

  @Test
  void howTheNetworkAnsweredIsForAdminsOnly() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    String id = restConnection("http://127.0.0.1:" + closedPort + "/internal");

    Response byUser =
        modeler.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());
    Response byAdmin =
        admin.post("/api/connections/" + id + "/environments/DEVELOPMENT/test", Map.of());

    assertThat(byUser.json().get("ok").asBoolean()).isFalse();
    assertThat(byUser.json().get("message").asText()).isEqualTo(ConnectionTests.NO_ANSWER);
    assertThat(byAdmin.json().get("message").asText())
        .isNotEqualTo(ConnectionTests.NO_ANSWER)
        .contains("failed");
    assertThat(
            modeler
                .get("/api/connections/" + id)
                .json()
                .at("/environments/DEVELOPMENT/lastTest/message")
                .asText())
        .as("lastTest, which every user reads, keeps the generic message")
        .isEqualTo(ConnectionTests.NO_ANSWER);
  }

  private String restConnection(String baseUrl) {
    String integration =
        createIntegration(
            admin,
            Map.of(
                "name",
                "Net " + tag(),
                "type",
                "REST_API",
                "authScheme",
                "BEARER",
                "config",
                Map.of("baseUrl", baseUrl)));
    String id = createConnection(modeler, integration, "Net " + tag(), "ORGANIZATION").text("/id");
    modeler.put(
        "/api/connections/" + id + "/environments/DEVELOPMENT",
        credentials(Map.of("token", "net-token-" + tag())));
    return id;
  }
}
