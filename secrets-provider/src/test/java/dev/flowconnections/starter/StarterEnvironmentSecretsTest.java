package dev.flowconnections.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowconnections.testsupport.DatabaseTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A team's runtime with Camunda's environment secret provider on and no prefix (the bundle image's
 * default) would let every process model read {@code
 * {{secrets.FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY}}} or {@code
 * {{secrets.spring.datasource.password}}}: adding our provider to it stops the start with one line
 * instead.
 */
@ExtendWith(OutputCaptureExtension.class)
class StarterEnvironmentSecretsTest {

  @Test
  void camundasEnvironmentProviderWithoutAPrefixStopsTheStart(CapturedOutput output) {
    Map<String, String> variables =
        new LinkedHashMap<>(SampleRuntime.environmentVariables(StoreSchemas.migrated()));
    variables.remove("CAMUNDA_CONNECTOR_SECRETPROVIDER_ENVIRONMENT_PREFIX");

    Throwable failure = catchThrowable(() -> SampleRuntime.start(variables).close());

    assertThat(failure).as("the runtime must not start").isNotNull();
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("Camunda's environment secret provider is on without a prefix")
        .contains("CAMUNDA_CONNECTOR_SECRETPROVIDER_ENVIRONMENT_PREFIX")
        .doesNotContain(DatabaseTest.TEST_MASTER_KEY);
  }

  @Test
  void switchedOffItIsFineToo() {
    Map<String, String> variables =
        new LinkedHashMap<>(SampleRuntime.environmentVariables(StoreSchemas.migrated()));
    variables.remove("CAMUNDA_CONNECTOR_SECRETPROVIDER_ENVIRONMENT_PREFIX");
    variables.put("CAMUNDA_CONNECTOR_SECRETPROVIDER_ENVIRONMENT_ENABLED", "false");

    SampleRuntime.start(variables).close();
  }
}
