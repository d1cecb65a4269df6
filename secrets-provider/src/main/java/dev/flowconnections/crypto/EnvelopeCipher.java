package dev.flowconnections.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM envelope encryption. Every seal draws a new 256-bit data key and fresh 96-bit nonces,
 * so no (key, nonce) pair is ever reused; the associated data binds a ciphertext to its owner.
 */
public final class EnvelopeCipher {

  private static final String AES_GCM = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final MasterKeyRing keyRing;
  private final SecureRandom random = new SecureRandom();

  public EnvelopeCipher(MasterKeyRing keyRing) {
    this.keyRing = keyRing;
  }

  public SealedBox seal(byte[] plaintext, byte[] associatedData) {
    try {
      SecretKey dataKey = newDataKey();
      byte[] ciphertext = encrypt(dataKey, plaintext, associatedData);
      byte[] wrappedKey =
          encrypt(keyRing.activeKey(), dataKey.getEncoded(), keyAad(keyRing.activeKeyId()));
      return new SealedBox(keyRing.activeKeyId(), wrappedKey, ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Decrypts a box; a tampered box or wrong associated data fails without revealing anything. */
  public byte[] open(SealedBox box, byte[] associatedData) {
    try {
      byte[] rawDataKey = decrypt(keyRing.key(box.keyId()), box.wrappedKey(), keyAad(box.keyId()));
      return decrypt(new SecretKeySpec(rawDataKey, "AES"), box.ciphertext(), associatedData);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "stored credential could not be decrypted (wrong master key or tampered data)", null);
    }
  }

  /**
   * Opens a box and seals its content again under the active key with a fresh data key, so a
   * retired master key no longer protects anything, not even a data key.
   */
  public SealedBox reseal(SealedBox box, byte[] associatedData) {
    byte[] plaintext = open(box, associatedData);
    try {
      return seal(plaintext, associatedData);
    } finally {
      java.util.Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** True when the box is sealed with a key other than the active one and should be re-sealed. */
  public boolean needsRotation(SealedBox box) {
    return !box.keyId().equals(keyRing.activeKeyId());
  }

  private SecretKey newDataKey() throws GeneralSecurityException {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256, random);
    return generator.generateKey();
  }

  private byte[] encrypt(SecretKey key, byte[] plaintext, byte[] aad)
      throws GeneralSecurityException {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    Cipher cipher = Cipher.getInstance(AES_GCM);
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(aad);
    byte[] sealed = cipher.doFinal(plaintext);
    return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
  }

  private byte[] decrypt(SecretKey key, byte[] nonceAndCiphertext, byte[] aad)
      throws GeneralSecurityException {
    if (nonceAndCiphertext.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new javax.crypto.AEADBadTagException("ciphertext too short");
    }
    Cipher cipher = Cipher.getInstance(AES_GCM);
    cipher.init(
        Cipher.DECRYPT_MODE,
        key,
        new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
    cipher.updateAAD(aad);
    return cipher.doFinal(nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
  }

  private static byte[] keyAad(String keyId) {
    return ("flow-connections/data-key/" + keyId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
