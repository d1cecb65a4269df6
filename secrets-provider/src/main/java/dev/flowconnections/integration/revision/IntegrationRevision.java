package dev.flowconnections.integration.revision;

import dev.flowconnections.integration.Integration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One revision of an integration: the whole integration as saved (or, for a draft, as it would be
 * saved), who wrote it and when, and the names of the properties it changed, e.g. {@code
 * config.PRODUCTION.baseUrl}. Integrations hold no secret values, so a snapshot holds none either.
 */
public record IntegrationRevision(
    UUID integrationId,
    int revision,
    RevisionState state,
    Integration snapshot,
    List<String> changedProperties,
    RevisionOrigin origin,
    Instant createdAt,
    String createdBy) {

  public IntegrationRevision {
    changedProperties = List.copyOf(changedProperties);
  }

  public boolean isDraft() {
    return state == RevisionState.DRAFT;
  }
}
