package dev.flowconnections.runtime.connection;

import static dev.flowconnections.runtime.testsupport.ApiFixtures.createBasicRestIntegration;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.createConnection;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.credentials;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.read;
import static dev.flowconnections.runtime.testsupport.ApiFixtures.tag;
import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.credential.PostgresCredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.ApiClient.Response;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A credential store that cannot answer makes the API say 503, and leaves the connection as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CredentialStoreOutageTest {

  static final ZeebeTestEngine ENGINE = RuntimeTestSupport.startEngine();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RuntimeTestSupport.register(registry, ENGINE, Environment.DEVELOPMENT);
  }

  @LocalServerPort int port;
  @Autowired FlakyStore store;

  @AfterEach
  void recover() {
    store.down.set(false);
  }

  @Test
  void anUnavailableStoreAnswers503AndChangesNothing() {
    ApiClient api = ApiClient.on(port);
    ApiClient modeler = api.as("modeler");
    String integration = createBasicRestIntegration(api.as("admin"), "Vaulted " + tag());
    String id =
        createConnection(modeler, integration, "Vaulted conn " + tag(), "ORGANIZATION").text("/id");
    assertThat(
            modeler
                .put(env(id, "DEVELOPMENT"), credentials(Map.of("username", "u", "password", "p1")))
                .status())
        .isEqualTo(200);
    String before = read(modeler, "/api/connections/" + id);

    store.down.set(true);
    Response write =
        modeler.put(env(id, "PRODUCTION"), credentials(Map.of("username", "u", "password", "p2")));
    Response removeEnvironment = modeler.delete(env(id, "DEVELOPMENT"));
    Response removeConnection = modeler.delete("/api/connections/" + id);

    for (Response response : new Response[] {write, removeEnvironment, removeConnection}) {
      assertProblem(response, 503);
      assertThat(response.header("Retry-After")).isNotBlank();
      assertThat(response.body()).doesNotContain("p2");
    }
    assertThat(read(modeler, "/api/connections/" + id)).isEqualTo(before);

    store.down.set(false);
    assertThat(
            modeler
                .put(env(id, "PRODUCTION"), credentials(Map.of("username", "u", "password", "p2")))
                .status())
        .isEqualTo(200);
  }

  private static String env(String id, String environment) {
    return "/api/connections/" + id + "/environments/" + environment;
  }

  /** The real store, which can be switched off as if Vault were sealed or unreachable. */
  static final class FlakyStore implements CredentialStore {
    final AtomicBoolean down = new AtomicBoolean();
    private final CredentialStore delegate;

    FlakyStore(CredentialStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<SecretValues> read(CredentialLocation location) {
      check();
      return delegate.read(location);
    }

    @Override
    public void write(CredentialLocation location, SecretValues values) {
      check();
      delegate.write(location, values);
    }

    @Override
    public void delete(CredentialLocation location) {
      check();
      delegate.delete(location);
    }

    @Override
    public String name() {
      return "flaky";
    }

    private void check() {
      if (down.get()) {
        throw new CredentialStoreUnavailableException("test store is down", null);
      }
    }
  }

  @TestConfiguration
  static class FlakyStoreConfiguration {
    @Bean
    FlakyStore flakyStore(JdbcClient jdbc, EnvelopeCipher cipher, ObjectMapper json, Clock clock) {
      return new FlakyStore(new PostgresCredentialStore(jdbc, cipher, json, clock));
    }
  }
}
