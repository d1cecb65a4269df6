package dev.flowconnections.secret;

import java.time.Instant;
import java.util.List;

/**
 * An organization secret as the API shows it: the key, when it changed and the processes allowed to
 * use it (empty: every process of the organization), never the value.
 */
public record OrgSecret(
    String key,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    List<String> allowedProcesses) {

  public OrgSecret {
    allowedProcesses = allowedProcesses == null ? List.of() : List.copyOf(allowedProcesses);
  }
}
