package dev.flowconnections.runtime.health;

import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.runtime.testsupport.TcpOutageProxy;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL going away, as an operator sees it: the API answers 503 problem+json with Retry-After
 * (not 500), readiness goes DOWN while liveness stays UP, and both come back by themselves once the
 * database is reachable again. The runtime reaches PostgreSQL through a proxy the test cuts, so the
 * server other tests use keeps running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTest {

  static final ZeebeTestEngine ENGINE = RuntimeTestSupport.startEngine();
  static final TcpOutageProxy PROXY = TcpOutageProxy.forTestDatabase();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RuntimeTestSupport.register(registry, ENGINE, Environment.DEVELOPMENT);
    PROXY.registerAsDatasource(registry);
  }

  @AfterAll
  static void closeProxy() {
    PROXY.close();
  }

  @LocalServerPort int port;

  @Test
  void theApiAnswers503WithRetryAfterAndReadinessFollowsTheDatabase() {
    ApiClient admin = ApiClient.on(port).as("admin");
    ApiClient anonymous = ApiClient.on(port);
    assertThat(admin.get("/api/integrations").status()).isEqualTo(200);
    eventually("readiness UP", () -> anonymous.get("/actuator/health/readiness").status() == 200);

    PROXY.cut();
    try {
      ApiClient.Response during = admin.get("/api/integrations");
      assertProblem(during, 503);
      assertThat(during.headers().firstValue("Retry-After")).hasValue("10");
      assertThat(during.json().path("detail").asText())
          .isEqualTo("the database is unavailable; try again shortly");

      ApiClient.Response write =
          admin.post(
              "/api/integrations",
              java.util.Map.of(
                  "name",
                  "During outage",
                  "type",
                  "REST_API",
                  "authScheme",
                  "NONE",
                  "configMode",
                  "SAME_FOR_ALL",
                  "config",
                  java.util.Map.of("baseUrl", "http://127.0.0.1:9/x")));
      assertProblem(write, 503);

      ApiClient.Response readiness = anonymous.get("/actuator/health/readiness");
      assertThat(readiness.status()).isEqualTo(503);
      assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
      assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
    } finally {
      PROXY.restore();
    }

    eventually("the API to answer again", () -> admin.get("/api/integrations").status() == 200);
    eventually(
        "readiness UP again", () -> anonymous.get("/actuator/health/readiness").status() == 200);
    assertThat(admin.get("/api/integrations?search=During%20outage").body())
        .doesNotContain("During outage");
  }

  @Test
  void readinessDetailsNameTheGatewayAndStoresForAdminsOnly() {
    ApiClient.Response forAdmin = ApiClient.on(port).as("admin").get("/actuator/health/readiness");
    assertThat(forAdmin.status()).as(forAdmin.body()).isEqualTo(200);
    assertThat(forAdmin.json().at("/components/camunda/details/mode").asText())
        .isEqualTo("self-managed");
    assertThat(forAdmin.json().at("/components/camunda/details/grpcAddress").asText())
        .isEqualTo("http://" + ENGINE.getGatewayAddress());
    assertThat(forAdmin.json().at("/components/credentialStore/details/postgres").asText())
        .isEqualTo("UP");
    assertThat(forAdmin.json().at("/components/db/status").asText()).isEqualTo("UP");

    ApiClient.Response forAnyone = ApiClient.on(port).get("/actuator/health/readiness");
    assertThat(forAnyone.status()).isEqualTo(200);
    assertThat(forAnyone.body()).doesNotContain("grpcAddress", "127.0.0.1");
  }

  private static void eventually(String what, BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(condition::getAsBoolean);
  }
}
