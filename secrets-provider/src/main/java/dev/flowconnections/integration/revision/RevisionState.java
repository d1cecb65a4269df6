package dev.flowconnections.integration.revision;

/**
 * How a revision relates to the integration: ACTIVE is the one connections use (the integration
 * row), DRAFT is prepared but not applied, EARLIER was active once.
 */
public enum RevisionState {
  ACTIVE,
  DRAFT,
  EARLIER
}
