package dev.flowconnections.crypto;

/**
 * An envelope-encrypted value: a fresh data key encrypted the payload ({@code ciphertext}, nonce
 * first) and the master key {@code keyId} wrapped that data key ({@code wrappedKey}, nonce first).
 * Keeping the key id lets old rows decrypt while a rotation re-seals them.
 */
public record SealedBox(String keyId, byte[] wrappedKey, byte[] ciphertext) {

  @Override
  public String toString() {
    return "SealedBox[keyId=" + keyId + "]";
  }
}
