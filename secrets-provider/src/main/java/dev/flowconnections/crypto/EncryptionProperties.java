package dev.flowconnections.crypto;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code flow-connections.encryption.*}: where the master keys come from. */
public class EncryptionProperties {

  /** Base64 of 32 random bytes. Takes precedence over {@link #keyFile}. */
  private String masterKey;

  /** Id stored with every ciphertext sealed by the active key. */
  private String masterKeyId = "k1";

  /** Older keys by id, still used to decrypt until a rotation finishes. */
  private Map<String, String> previousKeys = new LinkedHashMap<>();

  /** File holding the base64 master key, used when {@link #masterKey} is not set. */
  private Path keyFile;

  /** Create {@link #keyFile} with a random key when missing (demo only). */
  private boolean createKeyFile = false;

  /** Rows re-sealed per transaction by a master key rotation. */
  private int rotationBatchSize = 100;

  /** Pause between rotation batches, so a rotation never crowds out the workers' queries. */
  private java.time.Duration rotationBatchPause = java.time.Duration.ofMillis(50);

  public int getRotationBatchSize() {
    return rotationBatchSize;
  }

  public void setRotationBatchSize(int rotationBatchSize) {
    this.rotationBatchSize = rotationBatchSize;
  }

  public java.time.Duration getRotationBatchPause() {
    return rotationBatchPause;
  }

  public void setRotationBatchPause(java.time.Duration rotationBatchPause) {
    this.rotationBatchPause = rotationBatchPause;
  }

  public String getMasterKey() {
    return masterKey;
  }

  public void setMasterKey(String masterKey) {
    this.masterKey = masterKey;
  }

  public String getMasterKeyId() {
    return masterKeyId;
  }

  public void setMasterKeyId(String masterKeyId) {
    this.masterKeyId = masterKeyId;
  }

  public Map<String, String> getPreviousKeys() {
    return previousKeys;
  }

  public void setPreviousKeys(Map<String, String> previousKeys) {
    this.previousKeys = previousKeys;
  }

  public Path getKeyFile() {
    return keyFile;
  }

  public void setKeyFile(Path keyFile) {
    this.keyFile = keyFile;
  }

  public boolean isCreateKeyFile() {
    return createKeyFile;
  }

  public void setCreateKeyFile(boolean createKeyFile) {
    this.createKeyFile = createKeyFile;
  }

  @Override
  public String toString() {
    return "EncryptionProperties[masterKeyId=" + masterKeyId + ", keyFile=" + keyFile + "]";
  }
}
