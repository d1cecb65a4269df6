package dev.flowconnections.runtime.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.audit.AuditRepository;
import dev.flowconnections.change.ChangeRecorder;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionRemover;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.revision.IntegrationRevisions;
import dev.flowconnections.secret.OrgSecretRepository;
import dev.flowconnections.secret.OrgSecretService;
import dev.flowconnections.testsupport.IntegrationDrafts;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixture data for the benchmark, written through the real services: a REST integration, one
 * connection with PRODUCTION credentials in the given store, and an org secret.
 */
final class BenchmarkDatabase {

  static final String ORG = "default";
  static final String TOKEN = "bench-token-value";
  static final String ORG_SECRET_KEY = "BENCH_ORG_SECRET";

  private BenchmarkDatabase() {}

  /** A fresh schema of the test database, migrated; dropped at JVM exit. */
  static String migratedSchema() {
    return PostgresTestSchema.migratedExtraSchema();
  }

  /** Creates the connection and returns its key. */
  static String seed(DataSource dataSource, CredentialStore store, OrgSecretRepository orgSecrets) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    ConnectionRepository connectionRows = new ConnectionRepository(jdbc, json);
    IntegrationRepository integrationRows = new IntegrationRepository(jdbc, json);
    ConnectionRemover remover = new ConnectionRemover(connectionRows, store);
    Clock clock = Clock.systemUTC();
    Actor admin = new Actor("admin", ORG, Set.of(Role.ADMIN));
    ChangeRecorder changes =
        new ChangeRecorder(new AuditRepository(new JdbcTemplate(dataSource)), event -> {});
    IntegrationService integrations =
        new IntegrationService(
            integrationRows,
            connectionRows,
            remover,
            tx,
            changes,
            clock,
            new IntegrationRevisions(jdbc));
    ConnectionService connections =
        new ConnectionService(connectionRows, integrationRows, store, remover, tx, changes, clock);
    Integration integration =
        integrations.create(
            admin,
            IntegrationDrafts.restSameForAll(
                "Bench CRM",
                null,
                AuthScheme.BEARER,
                Map.of("baseUrl", "https://crm.example.com")));
    ConnectionView connection =
        connections.create(
            admin,
            new ConnectionDraft(
                integration.id(), "Bench CRM", null, Visibility.ORGANIZATION, null));
    connections.putEnvironment(
        admin, connection.connection().id(), Environment.PRODUCTION, Map.of("token", TOKEN), null);
    new OrgSecretService(orgSecrets, tx, changes, clock)
        .put(admin, ORG_SECRET_KEY, "bench-org-secret-value");
    return connection.connection().key();
  }
}
