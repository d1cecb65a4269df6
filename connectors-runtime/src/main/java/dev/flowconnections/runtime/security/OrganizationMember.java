package dev.flowconnections.runtime.security;

/**
 * A logged-in principal that knows its organization: configured users carry it in their
 * configuration, OpenID Connect users in a claim. The {@link dev.flowconnections.access.Actor} of a
 * request takes it from here; a principal without one is not let in.
 */
public interface OrganizationMember {

  String organizationId();
}
