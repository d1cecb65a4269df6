package dev.flowconnections.connection;

import java.util.List;
import java.util.UUID;

/**
 * Step 1 of the wizard: which integration, the name, the visibility, the processes that may use it.
 * {@code key} is optional on create (derived from the name) and cannot change; {@code version} is
 * required on update. {@code allowedProcesses} and {@code allowedInProduction} (administrators
 * only) are optional: null keeps the current value on update and means empty / false on create.
 */
public record ConnectionDraft(
    UUID integrationId,
    String name,
    String key,
    Visibility visibility,
    Long version,
    List<String> allowedProcesses,
    Boolean allowedInProduction) {

  /** Without process scope: unchanged on update, the defaults on create. */
  public ConnectionDraft(
      UUID integrationId, String name, String key, Visibility visibility, Long version) {
    this(integrationId, name, key, visibility, version, null, null);
  }
}
