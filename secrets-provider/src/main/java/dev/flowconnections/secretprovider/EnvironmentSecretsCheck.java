package dev.flowconnections.secretprovider;

import dev.flowconnections.errors.StartupConfigurationException;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import org.springframework.core.env.Environment;

/**
 * Camunda's environment-variable SecretProvider answers {@code {{secrets.X}}} from any property of
 * the runtime's Spring environment when it has no prefix ("unsafe mode", Camunda's own log calls
 * it). With our provider in the same runtime that environment holds the master key and the database
 * password, so any process model could send them anywhere: the runtime does not start that way.
 * With a prefix only variables named for secrets are readable, which is Camunda's own advice.
 */
public final class EnvironmentSecretsCheck {

  /**
   * Compared by name: the class is in the runtime's Spring module, which this module does not need.
   */
  static final String PROVIDER = "io.camunda.connector.runtime.secret.EnvironmentSecretProvider";

  static final String PREFIX = "camunda.connector.secretprovider.environment.prefix";

  private EnvironmentSecretsCheck() {}

  /**
   * @throws StartupConfigurationException when the runtime's providers include Camunda's
   *     environment one without a prefix
   */
  public static void check(SecretProviderAggregator providers, Environment environment) {
    boolean environmentProvider =
        providers.getSecretProviders().stream()
            .anyMatch(provider -> provider.getClass().getName().equals(PROVIDER));
    if (environmentProvider && environment.getProperty(PREFIX, "").isBlank()) {
      throw new StartupConfigurationException(
          "Camunda's environment secret provider is on without a prefix, so every process model could read this"
              + " runtime's own settings (the Flow Connections master key, the database password) as {{secrets...}}",
          "Set CAMUNDA_CONNECTOR_SECRETPROVIDER_ENVIRONMENT_PREFIX (e.g. SECRET_, and name the variables meant for"
              + " processes SECRET_...) or CAMUNDA_CONNECTOR_SECRETPROVIDER_ENVIRONMENT_ENABLED=false; org secrets and"
              + " connections need neither.");
    }
  }
}
