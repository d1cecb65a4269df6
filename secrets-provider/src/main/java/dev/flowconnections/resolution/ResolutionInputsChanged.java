package dev.flowconnections.resolution;

/**
 * Published after anything a resolved connection is built from was created, changed or deleted
 * (integration, connection, credentials, org secret): caches drop what they hold for the
 * organization, and element templates are republished when auto-publishing is on.
 */
public record ResolutionInputsChanged(String organizationId) {}
