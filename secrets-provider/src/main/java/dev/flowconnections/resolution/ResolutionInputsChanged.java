package dev.flowconnections.resolution;

/**
 * Published after a change to anything a resolved connection is built from (integration,
 * connection, credentials, org secret), so caches drop what they hold for the organization.
 */
public record ResolutionInputsChanged(String organizationId) {}
