package dev.flowconnections.runtime.connection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.Visibility;
import java.util.UUID;

/**
 * Body of POST and PUT {@code /api/connections}: step 1 of the wizard. Credentials are not part of
 * it (see {@link CredentialsRequest}); read-only properties of the response are ignored.
 */
@JsonIgnoreProperties({"id", "integration", "owner", "credentialStatus", "createdAt", "createdBy", "updatedAt", "updatedBy"})
record ConnectionRequest(UUID integrationId, String name, String key, Visibility visibility, Long version) {

  ConnectionDraft toDraft() {
    return new ConnectionDraft(integrationId, name, key, visibility, version);
  }
}
