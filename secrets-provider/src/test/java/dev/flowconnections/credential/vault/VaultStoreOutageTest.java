package dev.flowconnections.credential.vault;

import static dev.flowconnections.credential.vault.VaultTestSupport.MOUNT;
import static dev.flowconnections.credential.vault.VaultTestSupport.location;
import static dev.flowconnections.credential.vault.VaultTestSupport.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Sealed, unreachable: retryable errors that name the problem but no secret; recovery without a new
 * store.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("fast")
class VaultStoreOutageTest {

  InProcessVaultServer vault;
  String token;
  VaultCredentialStore store;
  final CredentialLocation location = location("acme", uniqueKey("crm"), Environment.PRODUCTION);

  @BeforeEach
  void start() {
    vault = InProcessVaultServer.start(MOUNT);
    token = vault.rootToken();
    store = VaultCredentialStore.connect(VaultTestSupport.tokenProperties(vault, token));
  }

  @AfterEach
  void stop() {
    store.close();
    vault.close();
  }

  @Test
  void aSealedVaultIsUnavailableAndTheSameStoreWorksOnceItIsUnsealed(CapturedOutput output) {
    store.write(location, SecretValues.of(Map.of("password", "sealed-away-pw")));
    vault.seal();

    assertThatThrownBy(() -> store.read(location))
        .isInstanceOf(CredentialStoreUnavailableException.class)
        .hasMessageContaining("Vault is sealed or unavailable (503)")
        .message()
        .doesNotContain("sealed-away-pw");
    assertThatThrownBy(
            () -> store.write(location, SecretValues.of(Map.of("password", "new-pw-123"))))
        .isInstanceOf(CredentialStoreUnavailableException.class)
        .message()
        .doesNotContain("new-pw-123");

    vault.unseal();
    assertThat(store.read(location).orElseThrow().text("password")).contains("sealed-away-pw");
    assertThat(output.getAll())
        .doesNotContain("sealed-away-pw")
        .doesNotContain("new-pw-123")
        .doesNotContain(token);
  }

  @Test
  void anUnreachableVaultIsUnavailable() {
    VaultStoreProperties properties = VaultTestSupport.tokenProperties(vault, token);
    properties.setUri(URI.create("http://127.0.0.1:1")); // nothing listens on port 1
    try (VaultCredentialStore unreachable = VaultCredentialStore.connect(properties)) {
      assertThatThrownBy(() -> unreachable.read(location))
          .isInstanceOf(CredentialStoreUnavailableException.class)
          .hasMessageContaining("Vault is unreachable");
    }
  }
}
