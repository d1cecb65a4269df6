package dev.flowconnections.templates;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Base of tests that publish templates in an organization of their own, so versions start at 1 and
 * no other test's connections show up in a dropdown.
 */
public abstract class OwnOrganizationTest extends DatabaseTest {

  protected final String org = "org-" + UUID.randomUUID();
  protected final Actor orgAdmin = new Actor("admin", org, Set.of(Role.ADMIN));
  protected final Actor alice = new Actor("alice", org, Set.of(Role.USER));
  protected final Actor bob = new Actor("bob", org, Set.of(Role.USER));

  /** A connection of {@code owner} to a new bearer REST integration (a CRM) of the organization. */
  protected ConnectionView crmConnection(Actor owner, Visibility visibility) {
    Integration integration =
        integrations.create(
            orgAdmin,
            IntegrationDrafts.ofType(
                unique("CRM"),
                IntegrationType.REST_API,
                AuthScheme.BEARER,
                Map.of("baseUrl", "https://crm.example.com")));
    return connections.create(
        owner, new ConnectionDraft(integration.id(), unique("CRM"), null, visibility, null));
  }
}
