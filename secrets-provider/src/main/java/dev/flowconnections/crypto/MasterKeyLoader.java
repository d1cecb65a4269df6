package dev.flowconnections.crypto;

import dev.flowconnections.errors.StartupConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link MasterKeyRing} from configuration: an explicit base64 key (typically from the
 * environment variable FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY) or a key file. Creating a missing
 * key file is a convenience for the demo only and is logged loudly.
 */
public final class MasterKeyLoader {

  private static final Logger LOG = LoggerFactory.getLogger(MasterKeyLoader.class);

  private MasterKeyLoader() {}

  public static MasterKeyRing load(EncryptionProperties properties) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    properties.getPreviousKeys().forEach((id, encoded) -> keys.put(id, decode(id, encoded)));
    String activeId = properties.getMasterKeyId();
    if (properties.getMasterKey() != null && !properties.getMasterKey().isBlank()) {
      keys.put(activeId, decode(activeId, properties.getMasterKey()));
    } else if (properties.getKeyFile() != null) {
      keys.put(
          activeId, readOrCreateKeyFile(properties.getKeyFile(), properties.isCreateKeyFile()));
    } else {
      throw new StartupConfigurationException(
          "no master key configured (flow-connections.encryption.master-key)",
          "Set FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY to 32 random bytes in base64 "
              + "(openssl rand -base64 32), from your secret manager, or flow-connections.encryption.key-file.");
    }
    return new MasterKeyRing(activeId, keys);
  }

  private static byte[] decode(String id, String encoded) {
    try {
      return Base64.getDecoder().decode(encoded.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("master key '" + id + "' is not valid base64", null);
    }
  }

  private static byte[] readOrCreateKeyFile(Path file, boolean create) {
    try {
      if (Files.exists(file)) {
        return decode(file.toString(), Files.readString(file, StandardCharsets.US_ASCII));
      }
      if (!create) {
        throw new IllegalStateException("master key file " + file + " does not exist");
      }
      byte[] key = new byte[MasterKeyRing.KEY_BYTES];
      new SecureRandom().nextBytes(key);
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        return decode(file.toString(), Files.readString(file, StandardCharsets.US_ASCII));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
      LOG.warn(
          "Created a local master key file {} (owner read/write only). This is for the demo: "
              + "in production provide flow-connections.encryption.master-key from a secret manager.",
          file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create master key file " + file, e);
    }
  }
}
