package dev.flowconnections.integration.revision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.fields.FieldDefinition;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class IntegrationSnapshotsTest {

  /**
   * Snapshots and diffs show an integration's configuration as it is: that is safe only while no
   * integration field holds a secret value (secrets live in connections). A secret integration
   * field would have to be kept out of {@link IntegrationSnapshots} first.
   */
  @Test
  void noIntegrationFieldIsSecretSoSnapshotsHoldNoSecretValues() {
    for (IntegrationType type : IntegrationType.values()) {
      for (AuthScheme scheme : FieldCatalog.authSchemesFor(type)) {
        assertThat(FieldCatalog.schemaFor(type, scheme).integrationFields())
            .as("%s with %s", type, scheme)
            .noneMatch(FieldDefinition::secret);
      }
    }
  }
}
