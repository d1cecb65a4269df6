package dev.flowconnections.secretprovider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.audit.AuditLogService;
import dev.flowconnections.audit.AuditQuery;
import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.secret.OrgSecretService;
import dev.flowconnections.testsupport.DatabaseTest;
import io.camunda.connector.api.secret.SecretContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The test context runs as a PRODUCTION runtime. */
class ConnectionsSecretProviderTest extends DatabaseTest {

  private static final SecretContext DEFAULT_TENANT = new SecretContext("");
  private static final JobScope JOB =
      new JobScope(
          "", "order-process", 2251799813685249L, "CallApi", 2251799813685300L, 2251799813685310L);

  @Autowired ConnectionsSecretProvider provider;
  @Autowired OrgSecretService secrets;
  @Autowired BatchingAuditWriter connectionReads;
  @Autowired AuditLogService auditLog;

  @Test
  void resolvesConnectionFieldsForTheRuntimeEnvironment() {
    ConnectionView c =
        connection(
            modeler,
            restIntegration(AuthScheme.BASIC, Map.of("baseUrl", "https://api.example.com")),
            Visibility.ORGANIZATION);
    putCredentials(
        modeler, c, Environment.DEVELOPMENT, Map.of("username", "dev", "password", "dev-pass"));
    putCredentials(
        modeler, c, Environment.PRODUCTION, Map.of("username", "prod", "password", "prod-pass"));
    String prefix = "connections." + c.connection().key() + ".";

    assertThat(secret(prefix + "password", DEFAULT_TENANT)).isEqualTo("prod-pass");
    assertThat(secret(prefix + "username", DEFAULT_TENANT)).isEqualTo("prod");
    assertThat(secret(prefix + "baseUrl", DEFAULT_TENANT)).isEqualTo("https://api.example.com");
  }

  @Test
  void
      placeholdersOfAProcessOutsideTheScopeGetNoPersonalConnectionAndNoScopedSecretAndTheRefusalIsAudited()
          throws Exception {
    ConnectionView personal = connection(modeler, bearerIntegration(), Visibility.PERSONAL);
    putCredentials(
        modeler, personal, Environment.PRODUCTION, Map.of("token", "someone-elses-token"));
    String scopedKey = "PLACEHOLDER_SCOPED_" + System.nanoTime();
    secrets.put(admin, scopedKey, "scoped-org-value", java.util.List.of("billing"));
    String openKey = "PLACEHOLDER_OPEN_" + System.nanoTime();
    secrets.put(admin, openKey, "open-org-value");

    assertThatThrownBy(
            () -> secret("connections." + personal.connection().key() + ".token", DEFAULT_TENANT))
        .isInstanceOf(dev.flowconnections.scope.ProcessScopeException.class)
        .hasMessage("connection '" + personal.connection().key() + "' does not exist");
    assertThatThrownBy(() -> secret(scopedKey, DEFAULT_TENANT))
        .isInstanceOf(dev.flowconnections.scope.ProcessScopeException.class)
        .hasMessageNotContaining("scoped-org-value");
    assertThat(secret(openKey, DEFAULT_TENANT)).isEqualTo("open-org-value");

    assertThat(connectionReads.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
    var refusals =
        auditLog
            .search(
                admin,
                new AuditQuery(
                    null, AuditAction.SECRET_READ_REFUSED, null, null, null, null, null, 0, 50))
            .items();
    assertThat(refusals)
        .anySatisfy(
            r -> {
              assertThat(r.subjectKey()).isEqualTo(scopedKey);
              assertThat(r.worker()).isEqualTo(ConnectionsSecretProvider.WORKER);
              assertThat(r.process()).as("the refused job").isEqualTo(JOB.processReference());
            });
  }

  @Test
  void theAuditLogRecordsWhichConnectionAPlaceholderReadButNoValue() throws Exception {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    putCredentials(modeler, c, Environment.PRODUCTION, Map.of("token", "placeholder-token-1"));

    secret("connections." + c.connection().key() + ".token", DEFAULT_TENANT);

    assertThat(connectionReads.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
    var reads =
        auditLog
            .search(
                admin,
                new AuditQuery(
                    null,
                    AuditAction.CONNECTION_READ,
                    c.connection().key(),
                    null,
                    null,
                    null,
                    null,
                    0,
                    10))
            .items();
    assertThat(reads)
        .singleElement()
        .satisfies(
            read -> {
              assertThat(read.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(read.worker()).isEqualTo(ConnectionsSecretProvider.WORKER);
              assertThat(read.process())
                  .as("the job the guard runs")
                  .isEqualTo(JOB.processReference());
            });
    assertThat(reads.toString()).doesNotContain("placeholder-token-1");
  }

  @Test
  void resolvesOneEntryOfAKeyValueField() {
    ConnectionView c =
        connection(
            modeler,
            restIntegration(
                AuthScheme.CUSTOM_HEADERS, Map.of("baseUrl", "https://api.example.com")),
            Visibility.ORGANIZATION);
    putCredentials(
        modeler, c, Environment.PRODUCTION, Map.of("headers", Map.of("X-Api-Key", "hk-1")));

    assertThat(secret("connections." + c.connection().key() + ".headers.X-Api-Key", DEFAULT_TENANT))
        .isEqualTo("hk-1");
  }

  @Test
  void failsClosedInsteadOfLettingAnotherProviderAnswer() {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    putCredentials(modeler, c, Environment.DEVELOPMENT, Map.of("token", "dev-token"));

    assertThatThrownBy(
            () -> secret("connections." + c.connection().key() + ".token", DEFAULT_TENANT))
        .isInstanceOf(ConnectionResolutionException.class)
        .hasMessage("connection '" + c.connection().key() + "' has no credentials for PRODUCTION");
    assertThatThrownBy(() -> secret("connections." + c.connection().key(), DEFAULT_TENANT))
        .hasMessageContaining("connections.<key>.<field>");
  }

  @Test
  void answersOrgSecretsAndNullForUnknownNames() {
    String key = "API_TOKEN_" + System.nanoTime();
    secrets.put(admin, key, "org-level-value");

    assertThat(secret(key, DEFAULT_TENANT)).isEqualTo("org-level-value");
    assertThat(secret(key, new SecretContext("<default>"))).isEqualTo("org-level-value");
    assertThat(secret("json", DEFAULT_TENANT)).isNull();
  }

  @Test
  void refusesOutsideAGuardedJob() {
    String key = "OUTSIDE_" + System.nanoTime();
    secrets.put(admin, key, "never-outside-a-job");

    assertThatThrownBy(() -> provider.getSecret(key, DEFAULT_TENANT))
        .isInstanceOf(SecretPlaceholderRefusedException.class)
        .hasMessageContaining("secret '" + key + "' is not resolved")
        .hasMessageNotContaining("never-outside-a-job");
  }

  /** As the placeholder guard asks: inside the job's scope. */
  private String secret(String name, SecretContext context) {
    try {
      return JOB.call(() -> provider.getSecret(name, context));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
