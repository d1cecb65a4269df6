package dev.flowconnections.starter;

import static dev.flowconnections.starter.CredentialCheckScenario.ORG_SECRET;
import static dev.flowconnections.starter.CredentialCheckScenario.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.starter.CredentialCheckScenario.Outcome;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A team's connector runtime with only our starter added (the sample application) resolves {@code
 * {{secrets.connections.<key>.<field>}}} and {@code {{secrets.<KEY>}}} for its own connector in a
 * real process on the in-memory engine, from a store the Flow Connections runtime migrated.
 */
class StarterPlaceholderProcessTest {

  private static ConfigurableApplicationContext runtime;

  @BeforeAll
  static void startTheTeamsRuntime() {
    runtime = SampleRuntime.start(SampleRuntime.environmentVariables(StoreSchemas.migrated()));
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void theTeamsConnectorGetsTheConnectionsCredentialAndTheOrgSecretButTheProcessNeverHoldsThem()
      throws Exception {
    Outcome outcome = CredentialCheckScenario.run(runtime);

    assertThat(outcome.seen())
        .singleElement()
        .satisfies(
            seen -> {
              assertThat(seen.token()).isEqualTo(TOKEN);
              assertThat(seen.orgSecret()).isEqualTo(ORG_SECRET);
            });
    assertThat(new ObjectMapper().readValue(outcome.result(), Map.class))
        .isEqualTo(Map.of("tokenLength", TOKEN.length(), "orgSecretLength", ORG_SECRET.length()));
    assertThat(outcome.tokenVariable())
        .as("the variable keeps the placeholder")
        .isEqualTo("\"{{secrets.connections." + outcome.connectionKey() + ".token}}\"");
    assertThat(outcome.records()).doesNotContain(TOKEN).doesNotContain(ORG_SECRET);
  }
}
