package dev.flowconnections.secretprovider;

import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import java.util.List;

/**
 * The runtime's provider chain, answering only inside a guarded job ({@link JobScope}). Every
 * SecretProvider call of the connector runtime goes through the aggregator bean: Camunda's own
 * variable binding (which the guard replaces for outbound functions), its error masking after a job
 * failed (outside the job's scope: answered with nothing, the guard masks instead) and inbound
 * connectors (switched off here; refused). So a placeholder is resolved only by the guard, for a
 * name the process model writes.
 */
public class GuardedSecretProviderAggregator extends SecretProviderAggregator {

  public GuardedSecretProviderAggregator(SecretProviderAggregator runtime) {
    super(List.copyOf(runtime.getSecretProviders()));
  }

  @Override
  public String getSecret(String name, SecretContext context) {
    if (JobScope.current().isEmpty()) {
      throw new SecretPlaceholderRefusedException(name);
    }
    return super.getSecret(name, context);
  }

  /**
   * Camunda's runtime calls this after a job failed, to mask its message: the guard already did.
   */
  @Override
  public List<String> fetchAll(List<String> keys, SecretContext context) {
    return JobScope.current().isEmpty() ? List.of() : super.fetchAll(keys, context);
  }
}
