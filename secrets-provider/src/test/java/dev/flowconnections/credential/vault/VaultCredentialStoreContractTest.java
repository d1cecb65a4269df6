package dev.flowconnections.credential.vault;

import static dev.flowconnections.credential.vault.VaultTestSupport.MOUNT;
import static dev.flowconnections.credential.vault.VaultTestSupport.location;
import static dev.flowconnections.credential.vault.VaultTestSupport.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.credential.StoredCredentials;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ConflictException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The behaviours every credential store has, here against Vault KV v2: per environment, per
 * organization.
 */
@Tag("fast")
class VaultCredentialStoreContractTest {

  static InProcessVaultServer vault;
  static VaultCredentialStore store;

  @BeforeAll
  static void start() {
    vault = InProcessVaultServer.start(MOUNT);
    store =
        VaultCredentialStore.connect(VaultTestSupport.tokenProperties(vault, vault.rootToken()));
  }

  @AfterAll
  static void stop() {
    store.close();
    vault.close();
  }

  @Test
  void writesReadsAndKeepsMapsUnderTheDocumentedPath() {
    CredentialLocation prod = location("acme", uniqueKey("crm"), Environment.PRODUCTION);
    SecretValues values =
        SecretValues.of(Map.of("token", "tok-prod-1", "headers", Map.of("X-Key", "hv-2")));

    store.write(prod, values);

    assertThat(store.read(prod)).contains(values);
    String path = "flow-connections/acme/" + prod.connectionKey() + "/PRODUCTION";
    assertThat(store.pathOf(prod)).isEqualTo(path);
    assertThat(vault.current(MOUNT, path))
        .isEqualTo(Map.of("token", "tok-prod-1", "headers", Map.of("X-Key", "hv-2")));
  }

  @Test
  void environmentsAreSeparate() {
    CredentialLocation dev = location("acme", uniqueKey("crm"), Environment.DEVELOPMENT);
    CredentialLocation prod =
        new CredentialLocation(
            "acme", dev.connectionId(), dev.connectionKey(), Environment.PRODUCTION);
    store.write(dev, SecretValues.of(Map.of("token", "dev-token")));

    assertThat(store.read(prod)).isEmpty();
    store.delete(dev);
    assertThat(store.read(dev)).isEmpty();
  }

  @Test
  void organizationsAreSeparateEvenWithTheSameConnectionKey() {
    String key = uniqueKey("shared");
    CredentialLocation acme = location("acme", key, Environment.QA);
    CredentialLocation globex = location("globex", key, Environment.QA);
    store.write(acme, SecretValues.of(Map.of("password", "acme-pw")));

    assertThat(store.read(globex)).isEmpty();
    store.write(globex, SecretValues.of(Map.of("password", "globex-pw")));
    assertThat(store.read(acme).orElseThrow().text("password")).contains("acme-pw");
  }

  @Test
  void aWriteReplacesAllFieldsAndCreatesANewVersion() {
    CredentialLocation qa = location("acme", uniqueKey("crm"), Environment.QA);
    store.write(qa, SecretValues.of(Map.of("username", "u", "password", "p1")));
    store.write(qa, SecretValues.of(Map.of("password", "p2")));

    assertThat(store.read(qa)).contains(SecretValues.of(Map.of("password", "p2")));
    assertThat(store.readForUpdate(qa).version()).isEqualTo(2);
  }

  @Test
  void deleteIsSoftAndKeepsTheHistoryForAnOperatorToUndelete() {
    CredentialLocation staging = location("acme", uniqueKey("crm"), Environment.STAGING);
    store.write(staging, SecretValues.of(Map.of("token", "t1")));
    String path = store.pathOf(staging);

    store.delete(staging);

    assertThat(store.read(staging)).isEmpty();
    assertThat(vault.paths(MOUNT)).contains(path);
    assertThat(vault.isDeleted(MOUNT, path, 1)).isTrue();
    assertThat(store.readForUpdate(staging).version())
        .as("metadata keeps the version")
        .isEqualTo(1);
    store.delete(staging); // deleting again is fine

    // writing the environment again continues the history (check-and-set against the kept version)
    store.write(staging, SecretValues.of(Map.of("token", "t2")));
    assertThat(store.read(staging).orElseThrow().text("token")).contains("t2");
    assertThat(vault.currentVersion(MOUNT, path)).isEqualTo(2);
  }

  @Test
  void aWriteBasedOnAStaleVersionIsAConflictAndKeepsTheOtherEdit() {
    CredentialLocation prod = location("acme", uniqueKey("crm"), Environment.PRODUCTION);
    store.write(prod, SecretValues.of(Map.of("token", "first")));
    StoredCredentials read = store.readForUpdate(prod);
    String path = store.pathOf(prod);
    vault.writeDirectly(MOUNT, path, Map.of("token", "edited-in-vault"));

    assertThatThrownBy(
            () -> store.write(prod, SecretValues.of(Map.of("token", "mine-1234")), read.version()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("changed by someone else")
        .message()
        .doesNotContain("mine-1234");
    assertThat(vault.current(MOUNT, path)).isEqualTo(Map.of("token", "edited-in-vault"));
  }

  @Test
  void aFirstWriteRacingAnotherCreatorIsAConflict() {
    CredentialLocation dev = location("acme", uniqueKey("crm"), Environment.DEVELOPMENT);
    StoredCredentials read = store.readForUpdate(dev);
    assertThat(read.version()).isZero();
    vault.beforeNextWrite(
        () -> vault.writeDirectly(MOUNT, store.pathOf(dev), Map.of("token", "theirs")));

    assertThatThrownBy(
            () -> store.write(dev, SecretValues.of(Map.of("token", "mine")), read.version()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void pathPartsThatCouldEscapeTheirFolderAreRefused() {
    assertThatThrownBy(() -> store.read(location("..", "crm", Environment.QA)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be a Vault path segment");
    assertThatThrownBy(() -> store.read(location("acme/other", "crm", Environment.QA)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConfigurablePathLayoutAndMount() {
    try (InProcessVaultServer other = InProcessVaultServer.start("kv-flow")) {
      VaultStoreProperties properties = VaultTestSupport.tokenProperties(other, other.rootToken());
      properties.setMount("kv-flow");
      properties.setPathPattern("teams/{organization}/{environment}/{connectionId}");
      try (VaultCredentialStore custom = VaultCredentialStore.connect(properties)) {
        CredentialLocation qa = location("acme", "crm", Environment.QA);
        custom.write(qa, SecretValues.of(Map.of("token", "t")));
        assertThat(other.paths("kv-flow")).containsExactly("teams/acme/QA/" + qa.connectionId());
      }
    }
    VaultStoreProperties shared = new VaultStoreProperties();
    shared.setPathPattern("flow/{organization}/{connection}");
    assertThatThrownBy(() -> new VaultPathLayout(shared.getPathPattern()))
        .hasMessageContaining("{environment}");
  }
}
