package dev.flowconnections.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The masker every worker and tester uses hides values that came from org secrets, in any field.
 */
@Tag("fast")
class OrgSecretMaskingTest {

  @Test
  void aNonSecretFieldExpandedFromAnOrgSecretIsMasked() {
    var connection =
        new ResolvedConnection(
            "db",
            "DB",
            IntegrationType.DATABASE,
            AuthScheme.NONE,
            Environment.DEVELOPMENT,
            Map.of("username", "svc_reporting_7"),
            SecretValues.of(Map.of("password", "pw-1234")),
            "default",
            Set.of("svc_reporting_7"));

    assertThat(
            WorkerConnections.maskerFor(connection)
                .mask("FATAL: role \"svc_reporting_7\" does not exist (pw-1234)"))
        .isEqualTo("FATAL: role \"****\" does not exist (****)");
    assertThat(connection.toString()).doesNotContain("svc_reporting_7");
  }
}
