package dev.flowconnections.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.paging.Page;
import dev.flowconnections.paging.PageRequest;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18: the connections list pages and searches in the database at 10,000 connections in one
 * organization. Rows go in with one JDBC batch; the test prints the median time of 50 page+search
 * requests (a figure for the report, not an assertion).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionPagingScaleTest extends DatabaseTest {

  private static final int CONNECTIONS = 10_000;

  @Autowired JdbcTemplate jdbc;

  private final String org = "scale-" + UUID.randomUUID().toString().substring(0, 8);
  private final Actor orgAdmin = new Actor("admin", org, Set.of(Role.ADMIN));
  private final Actor user = new Actor("modeler", org, Set.of(Role.USER));
  private final List<Seeded> seeded = new ArrayList<>();
  private Integration rest;
  private Integration sql;

  private record Seeded(String name, String key, Integration integration, boolean visible) {}

  @BeforeAll
  void seed() {
    rest =
        integrations.create(
            orgAdmin,
            IntegrationDrafts.restSameForAll(
                "Scale REST", "scale", AuthScheme.NONE, Map.of("baseUrl", "https://s.example")));
    sql =
        integrations.create(
            orgAdmin,
            IntegrationDrafts.ofType(
                "Scale warehouse",
                IntegrationType.DATABASE,
                AuthScheme.NONE,
                Map.of("vendor", "POSTGRESQL", "jdbcUrl", "jdbc:postgresql://db/app")));
    Instant now = Instant.now();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < CONNECTIONS; i++) {
      Integration integration = i % 3 == 0 ? sql : rest;
      // every tenth one is another user's PERSONAL connection
      boolean personal = i % 10 == 7;
      String name = String.format(Locale.ROOT, "Scale connection %05d", i);
      String key = "scale-connection-" + i + (personal ? "@other" : "");
      seeded.add(new Seeded(name, key, integration, !personal));
      rows.add(
          new Object[] {
            UUID.randomUUID(),
            org,
            key,
            name,
            integration.id(),
            personal ? "PERSONAL" : "ORGANIZATION",
            personal ? "other" : "admin",
            Timestamp.from(now)
          });
    }
    jdbc.batchUpdate(
        "insert into connection (id, organization_id, connection_key, name, integration_id,"
            + " visibility, owner, version, created_at, created_by, updated_at, updated_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, 1, ?, 'seed', now(), 'seed')",
        rows);
    jdbc.execute("analyze connection");
    jdbc.execute("analyze integration");
  }

  @Test
  void pagesPartitionTheVisibleConnections() {
    Set<String> seen = new HashSet<>();
    long total = -1;
    for (int page = 0; ; page++) {
      Page<ConnectionView> result =
          connections.page(user, ConnectionQuery.all(), PageRequest.of(page, 500));
      total = result.total();
      result.items().forEach(v -> assertThat(seen.add(v.connection().key())).isTrue());
      if (!result.hasNext()) {
        break;
      }
    }
    long visible = seeded.stream().filter(Seeded::visible).count();
    assertThat(total).isEqualTo(visible);
    assertThat(seen).hasSize((int) visible).noneMatch(k -> k.endsWith("@other"));
  }

  @Test
  void aSearchedPageIsServedAndMedianTimeIsPrinted() {
    ConnectionQuery query =
        new ConnectionQuery("CONNECTION 04", IntegrationType.REST_API, null, null);
    List<String> expected =
        seeded.stream()
            .filter(Seeded::visible)
            .filter(s -> s.integration() == rest)
            .filter(s -> s.name().toLowerCase(Locale.ROOT).contains("connection 04"))
            .map(Seeded::name)
            .sorted()
            .toList();

    Page<ConnectionView> first = connections.page(user, query, PageRequest.of(0, 100));
    assertThat(first.total()).isEqualTo(expected.size());
    assertThat(first.items().stream().map(v -> v.connection().name()))
        .containsExactlyElementsOf(expected.subList(0, 100));
    assertThat(first.items()).allMatch(v -> v.statuses().size() > 0);

    long searched = median(() -> connections.page(user, query, PageRequest.of(2, 100)));
    long deepPage =
        median(() -> connections.page(user, ConnectionQuery.all(), PageRequest.of(80, 100)));
    long integrationSearch =
        median(
            () ->
                connections.page(
                    user,
                    new ConnectionQuery("warehouse", null, null, null),
                    PageRequest.of(0, 100)));
    System.out.printf(
        Locale.ROOT,
        "ConnectionPagingScaleTest: %d connections; median of 50 requests (page of 100):"
            + " search+type %.1f ms, page 80 without filter %.1f ms, search on integration name"
            + " %.1f ms%n",
        CONNECTIONS,
        searched / 1e6,
        deepPage / 1e6,
        integrationSearch / 1e6);
  }

  private static long median(Supplier<Page<ConnectionView>> request) {
    for (int i = 0; i < 5; i++) {
      request.get(); // warm up
    }
    long[] times = new long[50];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      Page<ConnectionView> page = request.get();
      times[i] = System.nanoTime() - start;
      assertThat(page.items()).isNotEmpty();
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }
}
