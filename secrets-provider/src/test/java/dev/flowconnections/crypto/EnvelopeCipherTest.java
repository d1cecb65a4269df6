package dev.flowconnections.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class EnvelopeCipherTest {

  private static final byte[] AAD = "org/conn/PRODUCTION".getBytes(StandardCharsets.UTF_8);
  private static final String SECRET = "s3cr3t-token-value";

  private final byte[] k1 = randomKey();
  private final byte[] k2 = randomKey();

  @Test
  void roundTripsAndRecordsTheKeyId() {
    EnvelopeCipher cipher = new EnvelopeCipher(new MasterKeyRing("k1", Map.of("k1", k1)));
    SealedBox box = cipher.seal(bytes(SECRET), AAD);

    assertThat(box.keyId()).isEqualTo("k1");
    assertThat(new String(cipher.open(box, AAD), StandardCharsets.UTF_8)).isEqualTo(SECRET);
    assertThat(new String(box.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
    assertThat(box.toString()).doesNotContain(SECRET);
  }

  @Test
  void everySealUsesFreshKeysAndNonces() {
    EnvelopeCipher cipher = new EnvelopeCipher(new MasterKeyRing("k1", Map.of("k1", k1)));
    SealedBox a = cipher.seal(bytes(SECRET), AAD);
    SealedBox b = cipher.seal(bytes(SECRET), AAD);

    assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    assertThat(a.wrappedKey()).isNotEqualTo(b.wrappedKey());
  }

  @Test
  void tamperedCiphertextFailsWithoutRevealingAnything() {
    EnvelopeCipher cipher = new EnvelopeCipher(new MasterKeyRing("k1", Map.of("k1", k1)));
    SealedBox box = cipher.seal(bytes(SECRET), AAD);
    byte[] tampered = Arrays.copyOf(box.ciphertext(), box.ciphertext().length);
    tampered[tampered.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.open(new SealedBox("k1", box.wrappedKey(), tampered), AAD))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not be decrypted")
        .hasNoCause();
  }

  @Test
  void ciphertextIsBoundToItsLocation() {
    EnvelopeCipher cipher = new EnvelopeCipher(new MasterKeyRing("k1", Map.of("k1", k1)));
    SealedBox box = cipher.seal(bytes(SECRET), AAD);

    assertThatThrownBy(() -> cipher.open(box, bytes("org/other-conn/PRODUCTION")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void oldKeysStillDecryptAfterANewKeyBecomesActive() {
    SealedBox old =
        new EnvelopeCipher(new MasterKeyRing("k1", Map.of("k1", k1))).seal(bytes(SECRET), AAD);
    EnvelopeCipher rotated =
        new EnvelopeCipher(new MasterKeyRing("k2", Map.of("k1", k1, "k2", k2)));

    assertThat(new String(rotated.open(old, AAD), StandardCharsets.UTF_8)).isEqualTo(SECRET);
    assertThat(rotated.needsRotation(old)).isTrue();
    SealedBox fresh = rotated.seal(bytes(SECRET), AAD);
    assertThat(fresh.keyId()).isEqualTo("k2");
    assertThat(rotated.needsRotation(fresh)).isFalse();
  }

  @Test
  void aMissingKeyIdIsNamed() {
    SealedBox old =
        new EnvelopeCipher(new MasterKeyRing("k1", Map.of("k1", k1))).seal(bytes(SECRET), AAD);
    EnvelopeCipher other = new EnvelopeCipher(new MasterKeyRing("k2", Map.of("k2", k2)));

    assertThatThrownBy(() -> other.open(old, AAD)).hasMessageContaining("'k1'");
  }

  @Test
  void rejectsKeysThatAreNotAes256() {
    assertThatThrownBy(() -> new MasterKeyRing("k1", Map.of("k1", new byte[16])))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> new MasterKeyRing("k9", Map.of("k1", k1)))
        .hasMessageContaining("'k9'");
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
