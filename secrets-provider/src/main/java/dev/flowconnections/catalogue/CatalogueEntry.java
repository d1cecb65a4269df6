package dev.flowconnections.catalogue;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.LifecycleStatus;
import java.util.Map;

/**
 * One System integration the catalogue ships. {@code key} never changes (it names the entry across
 * releases and organizations); a release that changes an entry raises its {@code revision}.
 */
public record CatalogueEntry(
    String key,
    int revision,
    String name,
    String description,
    String vertical,
    IntegrationType type,
    AuthScheme authScheme,
    LifecycleStatus status,
    Map<String, Object> config) {

  public CatalogueEntry {
    config = config == null ? Map.of() : Map.copyOf(config);
  }

  /** The integration this entry describes, as IntegrationService creates or updates it. */
  public IntegrationDraft draft(Long version) {
    return new IntegrationDraft(
        name,
        description,
        vertical,
        type,
        IntegrationScope.SYSTEM,
        ConfigMode.SAME_FOR_ALL,
        authScheme,
        status,
        null,
        config,
        null,
        version);
  }
}
