package dev.flowconnections.credential.vault;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The services on the real database with Vault configured beside PostgreSQL: organization {@link
 * #VAULT_ORG} keeps its credentials in Vault (per-organization selection), every other one in
 * PostgreSQL. All subclasses share one context and one in-process Vault.
 */
public abstract class VaultDatabaseTest extends DatabaseTest {

  protected static final String VAULT_ORG = "vaulted";
  protected static final InProcessVaultServer VAULT =
      InProcessVaultServer.start(VaultTestSupport.MOUNT);
  private static final String TOKEN = VAULT.rootToken();

  @DynamicPropertySource
  static void vault(DynamicPropertyRegistry registry) {
    registry.add("flow-connections.store.type", () -> "postgres");
    registry.add("flow-connections.store.organizations." + VAULT_ORG, () -> "vault");
    registry.add("flow-connections.store.vault.uri", () -> VAULT.uri().toString());
    registry.add("flow-connections.store.vault.mount", () -> VaultTestSupport.MOUNT);
    registry.add("flow-connections.store.vault.authentication", () -> "token");
    registry.add("flow-connections.store.vault.token", () -> TOKEN);
  }

  protected static Actor adminOf(String organization) {
    return new Actor("admin", organization, Set.of(Role.ADMIN));
  }

  protected static Actor userOf(String organization) {
    return new Actor("modeler", organization, Set.of(Role.USER));
  }

  protected ConnectionView basicConnection(String organization) {
    Integration integration =
        integrations.create(
            adminOf(organization),
            IntegrationDrafts.restSameForAll(
                unique("REST"),
                "test",
                AuthScheme.BASIC,
                Map.of("baseUrl", "https://api.example.com")));
    return connections.create(
        userOf(organization),
        new ConnectionDraft(integration.id(), unique("Conn"), null, Visibility.ORGANIZATION, null));
  }

  protected static String uniqueOrganization(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
