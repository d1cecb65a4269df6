package dev.flowconnections.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.errors.StartupConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class MasterKeyLoaderTest {

  @TempDir Path dir;

  @Test
  void createsAnOwnerOnlyKeyFileWhenAllowedAndReusesIt() throws Exception {
    EncryptionProperties properties = new EncryptionProperties();
    properties.setKeyFile(dir.resolve("keys/master.key"));
    properties.setCreateKeyFile(true);

    MasterKeyRing first = MasterKeyLoader.load(properties);
    MasterKeyRing second = MasterKeyLoader.load(properties);

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(properties.getKeyFile())))
        .isEqualTo("rw-------");
    assertThat(first.activeKey().getEncoded()).isEqualTo(second.activeKey().getEncoded());
  }

  @Test
  void doesNotCreateAKeyFileUnlessAllowed() {
    EncryptionProperties properties = new EncryptionProperties();
    properties.setKeyFile(dir.resolve("missing.key"));

    assertThatThrownBy(() -> MasterKeyLoader.load(properties))
        .hasMessageContaining("does not exist");
    assertThat(Files.exists(properties.getKeyFile())).isFalse();
  }

  @Test
  void explainsHowToConfigureAMissingKey() {
    assertThatThrownBy(() -> MasterKeyLoader.load(new EncryptionProperties()))
        .isInstanceOfSatisfying(
            StartupConfigurationException.class,
            e -> {
              assertThat(e.getMessage()).contains("flow-connections.encryption.master-key");
              assertThat(e.action()).contains("FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY");
            });
  }

  @Test
  void rejectsInvalidBase64WithoutEchoingIt() {
    EncryptionProperties properties = new EncryptionProperties();
    properties.setMasterKey("not base64 at all!");

    assertThatThrownBy(() -> MasterKeyLoader.load(properties))
        .hasMessageContaining("not valid base64")
        .message()
        .doesNotContain("not base64 at all!");
  }

  @Test
  void keepsPreviousKeysForDecryption() {
    EncryptionProperties properties = new EncryptionProperties();
    properties.setMasterKey(Base64.getEncoder().encodeToString(new byte[32]));
    properties.setMasterKeyId("k2");
    properties.getPreviousKeys().put("k1", Base64.getEncoder().encodeToString(new byte[32]));

    MasterKeyRing ring = MasterKeyLoader.load(properties);

    assertThat(ring.activeKeyId()).isEqualTo("k2");
    assertThat(ring.keyIds()).containsExactlyInAnyOrder("k1", "k2");
  }
}
