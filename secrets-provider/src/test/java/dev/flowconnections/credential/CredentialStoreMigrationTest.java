package dev.flowconnections.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.credential.vault.VaultDatabaseTest;
import dev.flowconnections.credential.vault.VaultTestSupport;
import dev.flowconnections.environment.Environment;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Copying every credential of an organization between PostgreSQL and Vault, both ways, and
 * re-running it.
 */
class CredentialStoreMigrationTest extends VaultDatabaseTest {

  @Autowired CredentialStoreMigration migration;
  @Autowired CredentialStores stores;
  @Autowired JdbcClient jdbc;

  @Test
  void copiesPostgresToVaultVerifiesAndIsSafeToRerun() {
    String organization = uniqueOrganization("mig");
    ConnectionView crm = basicConnection(organization);
    ConnectionView erp = basicConnection(organization);
    put(organization, crm, Environment.DEVELOPMENT, "crm-dev-pw");
    put(organization, crm, Environment.PRODUCTION, "crm-prod-pw");
    put(organization, erp, Environment.QA, "erp-qa-pw");

    CredentialMigrationReport first =
        migration.migrate(CredentialStoreType.POSTGRES, CredentialStoreType.VAULT, organization);

    assertThat(first.complete()).isTrue();
    assertThat(first.environments()).isEqualTo(3);
    assertThat(first.copied()).isEqualTo(3);
    assertThat(first.verified()).isEqualTo(3);
    assertThat(
            VAULT.current(
                VaultTestSupport.MOUNT,
                "flow-connections/" + organization + "/" + crm.connection().key() + "/PRODUCTION"))
        .isEqualTo(Map.of("password", "crm-prod-pw"));
    assertThat(first.toString()).doesNotContain("crm-prod-pw").doesNotContain("erp-qa-pw");

    CredentialMigrationReport again =
        migration.migrate(CredentialStoreType.POSTGRES, CredentialStoreType.VAULT, organization);
    assertThat(again.copied()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(again.verified()).isEqualTo(3);
    assertThat(
            stores
                .require(CredentialStoreType.POSTGRES)
                .read(location(crm, Environment.DEVELOPMENT)))
        .as("the source is left as it was")
        .contains(SecretValues.of(Map.of("password", "crm-dev-pw")));
  }

  @Test
  void copiesVaultBackToPostgres() {
    CredentialStore vault = stores.require(CredentialStoreType.VAULT);
    ConnectionView crm = basicConnection(VAULT_ORG);
    put(VAULT_ORG, crm, Environment.QA, "qa-in-vault");
    put(VAULT_ORG, crm, Environment.STAGING, "staging-in-vault");
    assertThat(vault.read(location(crm, Environment.QA))).isPresent();

    CredentialMigrationReport report =
        migration.migrate(CredentialStoreType.VAULT, CredentialStoreType.POSTGRES, VAULT_ORG);

    assertThat(report.problems()).isEmpty();
    assertThat(report.verified()).isEqualTo(report.environments());
    assertThat(
            stores.require(CredentialStoreType.POSTGRES).read(location(crm, Environment.STAGING)))
        .contains(SecretValues.of(Map.of("password", "staging-in-vault")));
  }

  @Test
  void anEnvironmentWithoutSecretsInTheSourceIsReportedNotInvented() {
    String organization = uniqueOrganization("mig");
    ConnectionView crm = basicConnection(organization);
    put(organization, crm, Environment.QA, "qa-pw");
    jdbc.sql("delete from connection_credential where connection_id = :id")
        .param("id", crm.connection().id())
        .update();

    CredentialMigrationReport report =
        migration.migrate(CredentialStoreType.POSTGRES, CredentialStoreType.VAULT, organization);

    assertThat(report.complete()).isFalse();
    assertThat(report.missingInSource()).isEqualTo(1);
    assertThat(report.problems())
        .singleElement()
        .asString()
        .startsWith(organization + "/" + crm.connection().key() + "/QA: ")
        .contains("source store has no secrets");
  }

  @Test
  void theSameStoreTwiceIsRefused() {
    assertThatThrownBy(
            () -> migration.migrate(CredentialStoreType.VAULT, CredentialStoreType.VAULT, null))
        .hasMessageContaining("same");
  }

  private void put(
      String organization, ConnectionView view, Environment environment, String password) {
    connections.putEnvironment(
        userOf(organization),
        view.connection().id(),
        environment,
        Map.of("username", "svc", "password", password),
        null);
  }

  private static CredentialLocation location(ConnectionView view, Environment environment) {
    UUID id = view.connection().id();
    return new CredentialLocation(
        view.connection().organizationId(), id, view.connection().key(), environment);
  }
}
