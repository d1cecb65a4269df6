package dev.flowconnections.integration.revision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationConfig;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.LifecycleStatus;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Integrations saved before revisions were kept start their history with their current state. */
class RevisionMigrationTest {

  @Test
  void existingIntegrationsGetRevisionOneFromTheirCurrentState() {
    String schema = PostgresTestSchema.migratedExtraSchema(MigrationVersion.fromVersion("10"));
    String url = PostgresTestSchema.jdbcUrl(schema);
    JdbcClient jdbc =
        JdbcClient.create(
            new DriverManagerDataSource(url, PostgresTestSchema.USER, PostgresTestSchema.PASSWORD));
    IntegrationRepository integrations =
        new IntegrationRepository(jdbc, new ObjectMapper().findAndRegisterModules());
    Instant created = Instant.parse("2025-01-02T03:04:05.123456Z");
    Integration old =
        new Integration(
            UUID.randomUUID(),
            "org",
            "Legacy",
            null,
            "Finance",
            IntegrationType.REST_API,
            IntegrationScope.ORGANIZATION,
            ConfigMode.PER_ENVIRONMENT,
            AuthScheme.API_KEY,
            LifecycleStatus.DEPRECATED,
            null,
            IntegrationConfig.perEnvironment(
                Map.of(
                    Environment.PRODUCTION,
                    Map.of("baseUrl", "https://legacy.example", "apiKeyName", "X-Key"))),
            4,
            created,
            "alice",
            created.plus(3, ChronoUnit.DAYS),
            "bob");
    integrations.insert(old);

    Flyway.configure()
        .dataSource(url, PostgresTestSchema.USER, PostgresTestSchema.PASSWORD)
        .schemas(schema)
        .defaultSchema(schema)
        .locations("classpath:db/migration")
        .load()
        .migrate();

    List<IntegrationRevision> history =
        new IntegrationRevisionRepository(jdbc).list("org", old.id(), old.version());
    assertThat(history).hasSize(1);
    IntegrationRevision first = history.get(0);
    assertThat(first.revision()).isEqualTo(1);
    assertThat(first.state()).isEqualTo(RevisionState.ACTIVE);
    assertThat(first.origin().kind()).isEqualTo(RevisionOrigin.Kind.MIGRATED);
    assertThat(first.createdBy()).isEqualTo("bob");
    assertThat(first.createdAt()).isEqualTo(old.updatedAt());
    assertThat(first.snapshot()).isEqualTo(integrations.find("org", old.id()).orElseThrow());
  }
}
