package dev.flowconnections.credential.vault;

import static dev.flowconnections.credential.vault.VaultTestSupport.MOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStoreType;
import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.credential.CredentialStores;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ConflictException;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.scope.RuntimeCaller;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connections of an organization that keeps its credentials in Vault: metadata in PostgreSQL,
 * secrets in Vault.
 */
class VaultConnectionServiceTest extends VaultDatabaseTest {

  @Autowired JdbcClient jdbc;
  @Autowired CredentialStores stores;
  @Autowired CachingConnectionResolver resolver;
  @Autowired TransactionTemplate tx;

  @AfterEach
  void unseal() {
    VAULT.unseal();
  }

  @Test
  void secretsOfAVaultOrganizationGoToVaultAndAreResolvedFromThere() {
    ConnectionView view = basicConnection(VAULT_ORG);
    UUID id = view.connection().id();
    putAsUser(
        VAULT_ORG, id, Environment.PRODUCTION, Map.of("username", "svc", "password", "vault-pw-1"));

    String path = "flow-connections/" + VAULT_ORG + "/" + view.connection().key() + "/PRODUCTION";
    assertThat(VAULT.current(MOUNT, path)).isEqualTo(Map.of("password", "vault-pw-1"));
    assertThat(credentialRows(id)).as("no secret in PostgreSQL").isZero();
    assertThat(
            resolver
                .resolve(
                    VAULT_ORG,
                    view.connection().key(),
                    Environment.PRODUCTION,
                    RuntimeCaller.UNKNOWN_PROCESS)
                .secrets()
                .text("password"))
        .contains("vault-pw-1");
  }

  @Test
  void otherOrganizationsStayInPostgres() {
    String organization = uniqueOrganization("pg");
    ConnectionView view = basicConnection(organization);
    putAsUser(
        organization,
        view.connection().id(),
        Environment.QA,
        Map.of("username", "svc", "password", "pg-pw"));

    assertThat(credentialRows(view.connection().id())).isEqualTo(1);
    assertThat(VAULT.paths(MOUNT)).noneMatch(p -> p.contains(view.connection().key()));
  }

  @Test
  void aSealedVaultFailsTheUpdateAndLeavesMetadataAndSecretsAsTheyWere() {
    ConnectionView view = basicConnection(VAULT_ORG);
    UUID id = view.connection().id();
    putAsUser(
        VAULT_ORG, id, Environment.PRODUCTION, Map.of("username", "svc", "password", "before"));
    ConnectionView before = connections.get(userOf(VAULT_ORG), id);
    VAULT.seal();

    assertThatThrownBy(
            () ->
                putAsUser(
                    VAULT_ORG,
                    id,
                    Environment.PRODUCTION,
                    Map.of("username", "svc2", "password", "after-123")))
        .isInstanceOf(CredentialStoreUnavailableException.class)
        .message()
        .doesNotContain("after-123");
    assertThatThrownBy(
            () ->
                putAsUser(
                    VAULT_ORG, id, Environment.QA, Map.of("username", "svc", "password", "qa-pw")))
        .isInstanceOf(CredentialStoreUnavailableException.class);
    assertThatThrownBy(() -> connections.delete(userOf(VAULT_ORG), id))
        .isInstanceOf(CredentialStoreUnavailableException.class);

    VAULT.unseal();
    assertThat(connections.get(userOf(VAULT_ORG), id)).isEqualTo(before);
    assertThat(
            stores
                .require(CredentialStoreType.VAULT)
                .read(location(view, Environment.PRODUCTION))
                .orElseThrow()
                .text("password"))
        .contains("before");
  }

  @Test
  void anEditInVaultMeanwhileIsAConflictAndNothingIsWritten() {
    ConnectionView view = basicConnection(VAULT_ORG);
    UUID id = view.connection().id();
    putAsUser(VAULT_ORG, id, Environment.PRODUCTION, Map.of("username", "svc", "password", "v1"));
    ConnectionView before = connections.get(userOf(VAULT_ORG), id);
    String path = "flow-connections/" + VAULT_ORG + "/" + view.connection().key() + "/PRODUCTION";
    VAULT.beforeNextWrite(
        () -> VAULT.writeDirectly(MOUNT, path, Map.of("password", "operator-edit")));

    assertThatThrownBy(
            () -> putAsUser(VAULT_ORG, id, Environment.PRODUCTION, Map.of("password", "mine")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("reload and retry");

    assertThat(connections.get(userOf(VAULT_ORG), id)).isEqualTo(before);
    assertThat(VAULT.current(MOUNT, path)).isEqualTo(Map.of("password", "operator-edit"));
  }

  @Test
  void aDatabaseRollbackAfterTheVaultWriteRestoresThePreviousVersion() {
    ConnectionView view = basicConnection(VAULT_ORG);
    CredentialLocation prod = location(view, Environment.PRODUCTION);
    var vault = stores.require(CredentialStoreType.VAULT);
    vault.write(prod, SecretValues.of(Map.of("password", "committed")));

    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      vault.write(prod, SecretValues.of(Map.of("password", "rolled-back")));
                      throw new IllegalStateException("the database failed after Vault wrote");
                    }))
        .hasMessageContaining("database failed");

    assertThat(vault.read(prod).orElseThrow().text("password")).contains("committed");
    assertThat(VAULT.currentVersion(MOUNT, ((VaultCredentialStore) vault).pathOf(prod)))
        .isEqualTo(3);
  }

  @Test
  void aRolledBackFirstWriteIsDeletedAndARolledBackDeleteIsUndeleted() {
    ConnectionView view = basicConnection(VAULT_ORG);
    CredentialLocation qa = location(view, Environment.QA);
    var vault = stores.require(CredentialStoreType.VAULT);

    assertThatThrownBy(
        () ->
            tx.executeWithoutResult(
                s -> {
                  vault.write(qa, SecretValues.of(Map.of("password", "never")));
                  throw new IllegalStateException("rollback");
                }));
    assertThat(vault.read(qa)).isEmpty();

    vault.write(qa, SecretValues.of(Map.of("password", "kept")));
    assertThatThrownBy(
        () ->
            tx.executeWithoutResult(
                s -> {
                  vault.delete(qa);
                  throw new IllegalStateException("rollback");
                }));
    assertThat(vault.read(qa).orElseThrow().text("password")).contains("kept");
  }

  @Test
  void deletingAConnectionOrAnEnvironmentSoftDeletesItsSecrets() {
    ConnectionView view = basicConnection(VAULT_ORG);
    UUID id = view.connection().id();
    putAsUser(VAULT_ORG, id, Environment.QA, Map.of("username", "svc", "password", "qa"));
    putAsUser(VAULT_ORG, id, Environment.PRODUCTION, Map.of("username", "svc", "password", "prod"));
    String qaPath = "flow-connections/" + VAULT_ORG + "/" + view.connection().key() + "/QA";
    String prodPath =
        "flow-connections/" + VAULT_ORG + "/" + view.connection().key() + "/PRODUCTION";

    connections.deleteEnvironment(userOf(VAULT_ORG), id, Environment.QA);
    assertThat(VAULT.isDeleted(MOUNT, qaPath, 1)).isTrue();
    assertThat(VAULT.current(MOUNT, prodPath)).isNotNull();

    connections.delete(userOf(VAULT_ORG), id);
    assertThat(VAULT.isDeleted(MOUNT, prodPath, 1)).isTrue();
    assertThat(VAULT.paths(MOUNT))
        .as("metadata and history stay for an undelete")
        .contains(qaPath, prodPath);
  }

  private int credentialRows(UUID connectionId) {
    return jdbc.sql("select count(*) from connection_credential where connection_id = :id")
        .param("id", connectionId)
        .query(Integer.class)
        .single();
  }

  private static CredentialLocation location(ConnectionView view, Environment environment) {
    return new CredentialLocation(
        view.connection().organizationId(),
        view.connection().id(),
        view.connection().key(),
        environment);
  }

  /** A user of {@code organization} writes {@code fields} to one environment, unversioned. */
  private ConnectionView putAsUser(
      String organization, UUID id, Environment environment, Map<String, Object> fields) {
    return connections.putEnvironment(userOf(organization), id, environment, fields, null);
  }
}
