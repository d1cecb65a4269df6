package dev.flowconnections.credential.vault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A response of {@link InProcessVaultServer}: status and body in Vault's JSON envelope. */
record VaultReply(int status, Object body) {

  static VaultReply data(Object data) {
    return new VaultReply(200, envelope(data, null));
  }

  /** A login or renewal: the token's details go in the envelope's {@code auth}. */
  static VaultReply auth(Map<String, Object> auth) {
    return new VaultReply(200, envelope(null, auth));
  }

  static VaultReply noContent() {
    return new VaultReply(204, null);
  }

  static VaultReply error(int status, String message) {
    return new VaultReply(status, Map.of("errors", message == null ? List.of() : List.of(message)));
  }

  static Map<String, Object> envelope(Object data, Object auth) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("request_id", UUID.randomUUID().toString());
    envelope.put("lease_id", "");
    envelope.put("renewable", false);
    envelope.put("lease_duration", 0);
    envelope.put("data", data);
    envelope.put("wrap_info", null);
    envelope.put("warnings", null);
    envelope.put("auth", auth);
    return envelope;
  }
}
