package dev.flowconnections.credential.vault;

import static dev.flowconnections.credential.vault.VaultTestSupport.MOUNT;
import static dev.flowconnections.credential.vault.VaultTestSupport.location;
import static dev.flowconnections.credential.vault.VaultTestSupport.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.credential.vault.InProcessVaultServer.Policy;
import dev.flowconnections.environment.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token, AppRole and Kubernetes login; renewal before expiry and a fresh login once a token is
 * gone.
 */
class VaultAuthenticationTest {

  static final String ROLE_ID = "flow-connections-role";
  static final String SECRET_ID = "approle-secret-id-7c1f";

  InProcessVaultServer vault;
  final CredentialLocation location = location("acme", uniqueKey("crm"), Environment.PRODUCTION);
  final SecretValues values = SecretValues.of(Map.of("token", "prod-token-42"));

  @BeforeEach
  void start() {
    vault = InProcessVaultServer.start(MOUNT);
  }

  @AfterEach
  void stop() {
    vault.close();
  }

  @Test
  void tokenAuthenticationUsesTheConfiguredToken() {
    String token = vault.createToken(Duration.ofHours(1), Duration.ZERO, false, Policy.allowAll());
    try (VaultCredentialStore store =
        VaultCredentialStore.connect(VaultTestSupport.tokenProperties(vault, token))) {
      store.write(location, values);
      assertThat(store.read(location)).contains(values);
    }
    assertThat(vault.requests()).doesNotContain("POST /v1/auth/approle/login");
    // closing never revokes a token the operator configured
    assertThat(vault.requests()).doesNotContain("POST /v1/auth/token/revoke-self");
  }

  @Test
  void aConfiguredTokenIsRenewedBeforeItExpires() {
    Duration ttl = Duration.ofSeconds(3);
    String token = vault.createToken(ttl, Duration.ZERO, true, Policy.allowAll());
    Instant originalExpiry = Instant.now().plus(ttl); // no earlier than the token's own expiry
    VaultStoreProperties properties = VaultTestSupport.tokenProperties(vault, token);
    properties.setRenewBeforeExpiry(Duration.ofMillis(500));
    try (VaultCredentialStore store = VaultCredentialStore.connect(properties)) {
      store.write(location, values);
      awaitPast(originalExpiry);

      assertThat(store.read(location)).contains(values);
      assertThat(vault.requests())
          .contains("GET /v1/auth/token/lookup-self", "POST /v1/auth/token/renew-self");
    }
  }

  @Test
  void appRoleLogsInAndRevokesItsTokenOnClose() {
    vault.addAppRole(ROLE_ID, SECRET_ID, Duration.ofMinutes(10), Duration.ZERO, Policy.allowAll());
    try (VaultCredentialStore store =
        VaultCredentialStore.connect(
            VaultTestSupport.appRoleProperties(vault, ROLE_ID, SECRET_ID))) {
      store.write(location, values);
      assertThat(store.read(location)).contains(values);
    }
    assertThat(vault.requests()).filteredOn("POST /v1/auth/approle/login"::equals).hasSize(1);
    assertThat(vault.requests()).contains("POST /v1/auth/token/revoke-self");
  }

  @Test
  void appRoleLogsInAgainWhenItsTokenReachesItsMaximumTtl() {
    Duration maxTtl = Duration.ofSeconds(4);
    vault.addAppRole(ROLE_ID, SECRET_ID, Duration.ofSeconds(3), maxTtl, Policy.allowAll());
    VaultStoreProperties properties = VaultTestSupport.appRoleProperties(vault, ROLE_ID, SECRET_ID);
    properties.setRenewBeforeExpiry(Duration.ofMillis(500));
    try (VaultCredentialStore store = VaultCredentialStore.connect(properties)) {
      store.write(location, values); // logged in by now
      awaitPast(Instant.now().plus(maxTtl)); // renewed once, capped at the max TTL, then expired

      assertThat(store.read(location)).contains(values);
      assertThat(vault.requests()).filteredOn("POST /v1/auth/approle/login"::equals).hasSize(2);
    }
  }

  @Test
  void aRevokedTokenLeadsToAFreshLoginWithoutFailingTheRequest() {
    vault.addAppRole(ROLE_ID, SECRET_ID, Duration.ofMinutes(10), Duration.ZERO, Policy.allowAll());
    try (VaultCredentialStore store =
        VaultCredentialStore.connect(
            VaultTestSupport.appRoleProperties(vault, ROLE_ID, SECRET_ID))) {
      store.write(location, values);
      vault.revokeAllTokens();

      assertThat(store.read(location)).contains(values);
      assertThat(vault.requests()).filteredOn("POST /v1/auth/approle/login"::equals).hasSize(2);
    }
  }

  @Test
  void kubernetesLogsInWithTheServiceAccountToken(@TempDir Path dir) throws Exception {
    Path jwtFile = dir.resolve("token");
    Files.writeString(jwtFile, "eyJhbGciOiJSUzI1NiJ9.service-account.sig");
    vault.addKubernetesRole(
        "flow-connections",
        "eyJhbGciOiJSUzI1NiJ9.service-account.sig",
        Duration.ofMinutes(5),
        Policy.allowAll());
    VaultStoreProperties properties = VaultTestSupport.tokenProperties(vault, null);
    properties.setAuthentication(VaultAuthenticationMethod.KUBERNETES);
    properties.getKubernetes().setRole("flow-connections");
    properties.getKubernetes().setServiceAccountTokenFile(jwtFile.toString());
    try (VaultCredentialStore store = VaultCredentialStore.connect(properties)) {
      store.write(location, values);
      assertThat(store.read(location)).contains(values);
    }
    assertThat(vault.requests()).contains("POST /v1/auth/kubernetes/login");
  }

  @Test
  void aRefusedLoginIsAClearUnavailableErrorWithoutTheSecretId() {
    vault.addAppRole(ROLE_ID, SECRET_ID, Duration.ofMinutes(10), Duration.ZERO, Policy.allowAll());
    try (VaultCredentialStore store =
        VaultCredentialStore.connect(
            VaultTestSupport.appRoleProperties(vault, ROLE_ID, "wrong-secret-id-99"))) {
      assertThatThrownBy(() -> store.read(location))
          .isInstanceOf(CredentialStoreUnavailableException.class)
          .hasMessageContaining("Vault login failed")
          .hasMessageContaining("invalid role or secret ID")
          .message()
          .doesNotContain("wrong-secret-id-99");
    }
  }

  @Test
  void aPolicyThatDoesNotCoverThePathIsAClearUnavailableError() {
    String token =
        vault.createToken(
            Duration.ofHours(1), Duration.ZERO, false, Policy.readOnly("secret/data/other/"));
    try (VaultCredentialStore store =
        VaultCredentialStore.connect(VaultTestSupport.tokenProperties(vault, token))) {
      assertThatThrownBy(() -> store.read(location))
          .isInstanceOf(CredentialStoreUnavailableException.class)
          .hasMessageContaining("Vault denied read of flow-connections/acme/")
          .hasMessageContaining("403 permission denied")
          .hasMessageContaining("policy")
          .message()
          .doesNotContain(token);
    }
  }

  @Test
  void missingAuthenticationSettingsAreNamed() {
    VaultStoreProperties properties = VaultTestSupport.appRoleProperties(vault, ROLE_ID, null);
    assertThatThrownBy(() -> VaultCredentialStore.connect(properties))
        .hasMessageContaining("flow-connections.store.vault.app-role.secret-id is required");
  }

  /**
   * The in-process Vault's tokens expire in real time: waits until {@code instant} has passed,
   * however long the busy machine takes to get there.
   */
  private static void awaitPast(Instant instant) {
    Awaitility.await("past " + instant)
        .atMost(Duration.between(Instant.now(), instant).plusSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Instant.now().isAfter(instant));
  }
}
