package dev.flowconnections.integration.revision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.time.Instant;
import java.util.List;
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
    // plain SQL of the V10 schema: the repository writes today's columns
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into integration (id, organization_id, name, description, domain_vertical,"
                + " type, scope, config_mode, auth_scheme, status, openapi_spec_url, config,"
                + " version, created_at, created_by, updated_at, updated_by) values (:id, 'org',"
                + " 'Legacy', null, 'Finance', 'REST_API', 'ORGANIZATION', 'PER_ENVIRONMENT',"
                + " 'API_KEY', 'DEPRECATED', null, cast(:config as jsonb), 4,"
                + " '2025-01-02T03:04:05.123456Z', 'alice', '2025-01-05T03:04:05.123456Z', 'bob')")
        .param("id", id)
        .param(
            "config",
            "{\"shared\": {}, \"environments\": {\"PRODUCTION\":"
                + " {\"baseUrl\": \"https://legacy.example\", \"apiKeyName\": \"X-Key\"}}}")
        .update();

    // a column another migration (before V12) might add, unknown to the snapshot's mapping
    jdbc.sql("alter table integration add column openapi_import_note text").update();
    jdbc.sql("update integration set openapi_import_note = 'kept'").update();

    Flyway.configure()
        .dataSource(url, PostgresTestSchema.USER, PostgresTestSchema.PASSWORD)
        .schemas(schema)
        .defaultSchema(schema)
        .locations("classpath:db/migration")
        .load()
        .migrate();

    List<IntegrationRevision> history = new IntegrationRevisionRepository(jdbc).list("org", id, 4);
    assertThat(history).hasSize(1);
    IntegrationRevision first = history.get(0);
    assertThat(first.revision()).isEqualTo(1);
    assertThat(first.state()).isEqualTo(RevisionState.ACTIVE);
    assertThat(first.origin().kind()).isEqualTo(RevisionOrigin.Kind.MIGRATED);
    assertThat(first.createdBy()).isEqualTo("bob");
    assertThat(first.createdAt()).isEqualTo(Instant.parse("2025-01-05T03:04:05.123456Z"));
    Integration stored =
        new IntegrationRepository(jdbc, new ObjectMapper().findAndRegisterModules())
            .find("org", id)
            .orElseThrow();
    // compared property by property: later migrations may add columns this test does not know
    assertThat(first.snapshot())
        .usingRecursiveComparison()
        .comparingOnlyFields(
            "id",
            "organizationId",
            "name",
            "description",
            "domainVertical",
            "type",
            "scope",
            "configMode",
            "authScheme",
            "status",
            "openApiSpecUrl",
            "config",
            "version",
            "createdAt",
            "createdBy",
            "updatedAt",
            "updatedBy")
        .isEqualTo(stored);
    assertThat(first.snapshot().config().environments().get(Environment.PRODUCTION))
        .containsEntry("baseUrl", "https://legacy.example");
    assertThat(
            jdbc.sql("select snapshot ->> 'openapiImportNote' from integration_revision")
                .query(String.class)
                .single())
        .isEqualTo("kept");
  }
}
