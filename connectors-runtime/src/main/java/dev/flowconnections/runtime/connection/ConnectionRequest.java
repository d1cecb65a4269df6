package dev.flowconnections.runtime.connection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.Visibility;
import java.util.List;
import java.util.UUID;

/**
 * Body of POST and PUT {@code /api/connections}: step 1 of the wizard. Credentials are not part of
 * it (see {@link CredentialsRequest}); read-only properties of the response are ignored. {@code
 * allowedProcesses} (BPMN process ids that may use it at runtime) and {@code allowedInProduction}
 * (administrators only) are optional: absent keeps them on update.
 */
@JsonIgnoreProperties({
  "id",
  "integration",
  "owner",
  "credentialStatus",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy"
})
record ConnectionRequest(
    UUID integrationId,
    String name,
    String key,
    Visibility visibility,
    Long version,
    List<String> allowedProcesses,
    Boolean allowedInProduction) {

  ConnectionDraft toDraft() {
    return new ConnectionDraft(
        integrationId, name, key, visibility, version, allowedProcesses, allowedInProduction);
  }
}
