package dev.flowconnections.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys (key-encryption keys) by id. New values are always sealed with the active key;
 * the others only decrypt, until a rotation has re-sealed everything they protect.
 */
public final class MasterKeyRing {

  public static final int KEY_BYTES = 32;

  private final String activeKeyId;
  private final Map<String, SecretKey> keys;

  public MasterKeyRing(String activeKeyId, Map<String, byte[]> rawKeys) {
    if (!rawKeys.containsKey(activeKeyId)) {
      throw new IllegalArgumentException(
          "active master key '" + activeKeyId + "' is not configured");
    }
    Map<String, SecretKey> copy = new LinkedHashMap<>();
    rawKeys.forEach(
        (id, raw) -> {
          if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                "master key '"
                    + id
                    + "' must be "
                    + KEY_BYTES
                    + " bytes (AES-256), got "
                    + raw.length);
          }
          copy.put(id, new SecretKeySpec(raw.clone(), "AES"));
        });
    this.activeKeyId = activeKeyId;
    this.keys = Map.copyOf(copy);
  }

  public String activeKeyId() {
    return activeKeyId;
  }

  public SecretKey activeKey() {
    return keys.get(activeKeyId);
  }

  public SecretKey key(String keyId) {
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException(
          "no master key with id '"
              + keyId
              + "' is configured; it is needed to decrypt stored credentials");
    }
    return key;
  }

  public Set<String> keyIds() {
    return keys.keySet();
  }

  @Override
  public String toString() {
    return "MasterKeyRing[active=" + activeKeyId + ", ids=" + keys.keySet() + "]";
  }
}
