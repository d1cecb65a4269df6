package dev.flowconnections.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * An organization of 10,000 connections over 50 integrations, seeded with batch inserts: how long
 * reading the choices, generating and publishing take (printed, not asserted), and what is
 * published.
 */
@Import(FixtureWorkers.class)
@TestPropertySource(properties = "flow-connections.templates.auto-publish=false")
class PublicationAtScaleTest extends OwnOrganizationTest {

  @Autowired TemplatePublisher publisher;
  @Autowired TemplateChoices choices;
  @Autowired TemplateCatalog catalog;
  @Autowired JdbcTemplate jdbc;

  @Test
  void tenThousandConnectionsPublishAsSmallTemplatesPerIntegration() {
    List<Integration> apis = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      apis.add(
          integrations.create(
              orgAdmin,
              IntegrationDrafts.ofType(
                  unique("API " + i),
                  IntegrationType.REST_API,
                  AuthScheme.BEARER,
                  Map.of("baseUrl", "https://api.example.com"))));
    }
    List<Object[]> rows = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (int i = 0; i < 50; i++) {
      for (int n = 0; n < (i == 49 ? 690 : 190); n++) {
        rows.add(
            new Object[] {
              UUID.randomUUID(),
              org,
              "api-" + i + "-" + n,
              "API " + i + " customer " + n,
              apis.get(i).id(),
              now,
              now
            });
      }
    }
    jdbc.batchUpdate(
        "insert into connection (id, organization_id, connection_key, name, integration_id,"
            + " visibility, owner, version, created_at, created_by, updated_at, updated_by)"
            + " values (?, ?, ?, ?, ?, 'ORGANIZATION', 'admin', 1, ?, 'admin', ?, 'admin')",
        rows);

    long read = System.nanoTime();
    int offered = choices.shared(org).get(IntegrationType.REST_API).size();
    read = System.nanoTime() - read;
    long readAgain = System.nanoTime();
    choices.shared(org);
    readAgain = System.nanoTime() - readAgain;
    long hashes = System.nanoTime();
    Map<String, String> current = publisher.currentHashes(org);
    hashes = System.nanoTime() - hashes;
    long warm = System.nanoTime();
    publisher.currentHashes(org);
    warm = System.nanoTime() - warm;
    long first = System.nanoTime();
    TemplatePublisher.Publication publication = publisher.publish(orgAdmin);
    first = System.nanoTime() - first;
    long again = System.nanoTime();
    TemplatePublisher.Publication unchanged = publisher.publish(orgAdmin);
    again = System.nanoTime() - again;
    System.out.printf(
        "10,000 connections in the database: choices read in %d ms (again: %d ms), %d templates generated and"
            + " hashed in %d ms (again: %d ms), first publication (schema validation, inserts) %d ms, unchanged"
            + " republication %d ms%n",
        read / 1_000_000,
        readAgain / 1_000_000,
        current.size(),
        hashes / 1_000_000,
        warm / 1_000_000,
        first / 1_000_000,
        again / 1_000_000);

    assertThat(offered).isEqualTo(10_000);
    int restNodes =
        (int)
            FixtureWorkers.CATALOG.all().stream()
                .filter(n -> n.integrationType() == IntegrationType.REST_API)
                .count();
    assertThat(publication.templates())
        .hasSize(FixtureWorkers.CATALOG.all().size() + restNodes * 50)
        .allMatch(TemplatePublisher.Publication.Entry::changed);
    assertThat(unchanged.changedCount()).isZero();
    assertThat(catalog.latest(alice))
        .allSatisfy(
            t ->
                t.get("properties")
                    .forEach(
                        p ->
                            assertThat(p.path("choices").size())
                                .isLessThanOrEqualTo(
                                    ElementTemplateGenerator.DEFAULT_MAX_DROPDOWN_CHOICES)));
  }
}
