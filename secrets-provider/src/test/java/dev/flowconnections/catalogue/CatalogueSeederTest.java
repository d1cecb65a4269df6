package dev.flowconnections.catalogue;

import static dev.flowconnections.testsupport.ValidationAssertions.assertThatFieldErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.catalogue.CatalogueSeeder.Outcome;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationFilter;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.LifecycleStatus;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeding on the real database: once per entry, concurrently too, and never over an admin. */
class CatalogueSeederTest extends DatabaseTest {

  @Autowired CatalogueSeeder seeder;
  @Autowired JdbcClient jdbc;
  @Autowired IntegrationRepository integrationRows;
  @Autowired TransactionTemplate tx;
  @Autowired Clock clock;
  private final SystemCatalogue catalogueOnClasspath = SystemCatalogue.load(new ObjectMapper());

  @Test
  void seedsEveryEntryOnceAndASecondRunChangesNothing() {
    String org = newOrganization();

    Map<String, Outcome> first = seeder.seed(org);
    Map<String, Outcome> second = seeder.seed(org);

    assertThat(first.values()).containsOnly(Outcome.CREATED);
    assertThat(first).hasSize(catalogueOnClasspath.entries().size());
    assertThat(second.values()).containsOnly(Outcome.UNCHANGED);
    assertThat(systemIntegrations(org)).hasSize(catalogueOnClasspath.entries().size());
    assertThat(systemIntegrations(org))
        .allSatisfy(i -> assertThat(i.createdBy()).isEqualTo(CatalogueSeeder.ACTOR));
  }

  @Test
  void runtimesSeedingTogetherWriteEachEntryOnce() throws Exception {
    String org = newOrganization();
    // one seeder per "runtime": their in-memory memory of seeded organizations is not shared
    List<CatalogueSeeder> runtimes =
        List.of(seederOf(catalogueOnClasspath), seederOf(catalogueOnClasspath), seeder);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(runtimes.size());
    try {
      List<Future<Map<String, Outcome>>> runs = new ArrayList<>();
      for (CatalogueSeeder runtime : runtimes) {
        Callable<Map<String, Outcome>> run =
            () -> {
              start.await();
              return runtime.seed(org);
            };
        runs.add(pool.submit(run));
      }
      start.countDown();
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Map<String, Outcome>> run : runs) {
        outcomes.addAll(run.get().values());
      }

      assertThat(outcomes).doesNotContain(Outcome.FAILED);
      assertThat(outcomes.stream().filter(o -> o == Outcome.CREATED))
          .hasSize(catalogueOnClasspath.entries().size());
    } finally {
      pool.shutdownNow();
    }
    assertThat(systemIntegrations(org)).hasSize(catalogueOnClasspath.entries().size());
    assertThat(
            jdbc.sql("select count(*) from catalogue_entry where organization_id = :org")
                .param("org", org)
                .query(Long.class)
                .single())
        .isEqualTo(catalogueOnClasspath.entries().size());
  }

  @Test
  void aLaterRevisionUpdatesUntouchedEntriesAndLeavesEditedOnesAlone() {
    String org = newOrganization();
    Actor root = superAdminOf(org);
    seederOf(catalogue(entry("alpha", 1, "first"), entry("beta", 1, "first"))).seed(org);
    Integration beta = byName(org, "Alpha Beta beta");
    integrations.update(root, beta.id(), editedDescription(beta, "the admin's words"));

    Map<String, Outcome> upgrade =
        seederOf(catalogue(entry("alpha", 2, "second"), entry("beta", 2, "second"))).seed(org);

    assertThat(upgrade)
        .containsEntry("alpha", Outcome.UPDATED)
        .containsEntry("beta", Outcome.KEPT_EDITED);
    Integration alpha = byName(org, "Alpha Beta alpha");
    assertThat(alpha.description()).isEqualTo("second");
    assertThat(alpha.config().shared()).containsEntry("baseUrl", "https://second.example.com");
    assertThat(alpha.version()).isEqualTo(2);
    assertThat(byName(org, "Alpha Beta beta").description()).isEqualTo("the admin's words");

    // the revision after that still sees the catalogue's own write, not an edit
    assertThat(seederOf(catalogue(entry("alpha", 3, "third"), entry("beta", 3, "third"))).seed(org))
        .containsEntry("alpha", Outcome.UPDATED)
        .containsEntry("beta", Outcome.KEPT_EDITED);
  }

  @Test
  void hidingIsNoEditSoTheCatalogueStillUpdatesAHiddenEntryAndKeepsItHidden() {
    String org = newOrganization();
    seederOf(catalogue(entry("alpha", 1, "first"))).seed(org);
    Integration alpha = byName(org, "Alpha Beta alpha");
    integrations.setHidden(superAdminOf(org), alpha.id(), true);

    assertThat(seederOf(catalogue(entry("alpha", 2, "second"))).seed(org))
        .containsEntry("alpha", Outcome.UPDATED);
    assertThat(byName(org, "Alpha Beta alpha").hidden()).isTrue();
    assertThat(byName(org, "Alpha Beta alpha").description()).isEqualTo("second");
  }

  @Test
  void anEntryASuperAdminDeletedIsNeverRecreated() {
    String org = newOrganization();
    seeder.seed(org);
    Integration openAi = byName(org, "OpenAI");

    integrations.delete(superAdminOf(org), openAi.id(), false);
    Map<String, Outcome> again = seederOf(catalogueOnClasspath).seed(org);

    assertThat(again).containsEntry("openai", Outcome.NOT_RECREATED);
    assertThat(systemIntegrations(org)).extracting(Integration::name).doesNotContain("OpenAI");
  }

  @Test
  void anOrganizationsOwnIntegrationOfTheSameNameWinsAndStaysItsOwn() {
    String org = newOrganization();
    Integration own =
        integrations.create(
            new Actor("admin", org, Set.of(Role.ADMIN)),
            IntegrationDrafts.restSameForAll(
                "OpenAI", "ours", AuthScheme.BEARER, Map.of("baseUrl", "https://gw.example.com")));

    Map<String, Outcome> outcomes = seeder.seed(org);

    assertThat(outcomes).containsEntry("openai", Outcome.NOT_RECREATED);
    assertThat(integrations.get(superAdminOf(org), own.id())).isEqualTo(own);
  }

  @Test
  void ensureSeededSeedsAnOrganizationTheFirstTimeOnly() {
    String org = newOrganization();

    seeder.ensureSeeded(org);
    Integration openAi = byName(org, "OpenAI");
    integrations.delete(superAdminOf(org), openAi.id(), false);
    jdbc.sql("delete from catalogue_entry where organization_id = :org").param("org", org).update();
    seeder.ensureSeeded(org); // remembered: no second pass that would bring OpenAI back

    assertThat(systemIntegrations(org)).hasSize(catalogueOnClasspath.entries().size() - 1);
  }

  @Test
  void aRestartSkipsUpToDateOrganizationsAndSeedsOnlyThoseBehindTheCatalogue() {
    String current = newOrganization();
    String behind = newOrganization();
    SystemCatalogue release = catalogue(entry("alpha", 1, "first"));
    seederOf(release).seed(current);
    seederOf(release).seed(behind);
    jdbc.sql("update catalogue_entry set revision = 0 where organization_id = :org")
        .param("org", behind)
        .update();
    // a "restarted runtime": nothing remembered in memory
    List<String> seeded = new ArrayList<>();
    CatalogueSeeder restarted =
        new CatalogueSeeder(release, jdbc, integrationRows, integrations, tx, clock) {
          @Override
          public Map<String, Outcome> seed(String organizationId) {
            seeded.add(organizationId);
            return super.seed(organizationId);
          }
        };

    restarted.seedAll(List.of(current, behind));
    restarted.ensureSeeded(current);
    restarted.ensureSeeded(behind);

    assertThat(seeded).contains(behind).doesNotContain(current).doesNotHaveDuplicates();
  }

  @Test
  void theFirstRequestAfterARestartSeedsOnlyAnOrganizationBehindTheCatalogue() {
    String current = newOrganization();
    String fresh = newOrganization();
    SystemCatalogue release = catalogue(entry("alpha", 1, "first"));
    seederOf(release).seed(current);
    List<String> seeded = new ArrayList<>();
    CatalogueSeeder restarted =
        new CatalogueSeeder(release, jdbc, integrationRows, integrations, tx, clock) {
          @Override
          public Map<String, Outcome> seed(String organizationId) {
            seeded.add(organizationId);
            return super.seed(organizationId);
          }
        };

    restarted.ensureSeeded(current);
    restarted.ensureSeeded(fresh);
    restarted.ensureSeeded(fresh);

    assertThat(seeded).containsExactly(fresh);
  }

  @Test
  void hiddenIntegrationsAreOfferedOnlyToSuperAdmins() {
    String org = newOrganization();
    seeder.seed(org);
    Actor root = superAdminOf(org);
    Actor orgAdmin = new Actor("admin", org, Set.of(Role.ADMIN));
    Actor user = new Actor("modeler", org, Set.of(Role.USER));
    Integration postgres = byName(org, "PostgreSQL");

    assertThatThrownBy(() -> integrations.setHidden(orgAdmin, postgres.id(), true))
        .isInstanceOf(AccessDeniedException.class);
    integrations.setHidden(root, postgres.id(), true);

    assertThat(integrations.list(user, IntegrationFilter.all()))
        .extracting(Integration::name)
        .doesNotContain("PostgreSQL")
        .contains("MySQL / MariaDB");
    assertThat(integrations.list(orgAdmin, IntegrationFilter.all()))
        .extracting(Integration::name)
        .doesNotContain("PostgreSQL");
    assertThat(integrations.list(root, IntegrationFilter.all()))
        .extracting(Integration::name)
        .contains("PostgreSQL");
    assertThat(integrations.verticals(user)).contains("Database", "AI");
    assertThatFieldErrors(
            () ->
                connections.create(
                    user,
                    new ConnectionDraft(
                        postgres.id(), "Orders DB", null, Visibility.PERSONAL, null)))
        .containsExactly("integrationId");
    assertThat(integrations.get(user, postgres.id()).version()).isEqualTo(postgres.version());

    integrations.setHidden(root, postgres.id(), false);
    assertThat(
            connections.create(
                user,
                new ConnectionDraft(postgres.id(), "Orders DB", null, Visibility.PERSONAL, null)))
        .isNotNull();
  }

  @Test
  void onlySystemIntegrationsAreHidden() {
    Integration own = bearerIntegration();

    assertThatFieldErrors(() -> integrations.setHidden(superAdmin, own.id(), true))
        .containsExactly("hidden");
  }

  @Test
  void listsFilterByVerticalIgnoringCase() {
    String org = newOrganization();
    seeder.seed(org);
    Actor user = new Actor("modeler", org, Set.of(Role.USER));
    Integration twilio = byName(org, "Twilio");
    Integration sendGrid = byName(org, "SendGrid");
    connections.create(
        user, new ConnectionDraft(twilio.id(), "Texts", null, Visibility.PERSONAL, null));
    connections.create(
        user, new ConnectionDraft(sendGrid.id(), "Mails", null, Visibility.PERSONAL, null));

    assertThat(integrations.list(user, new IntegrationFilter(null, null, null, "communication")))
        .extracting(Integration::name)
        .containsExactlyInAnyOrder("Twilio", "AWS SNS");
    assertThat(connections.list(user, null, null, null, "Communication"))
        .extracting(v -> v.connection().name())
        .containsExactly("Texts");
    assertThat(connections.list(user, null, null, null, "email"))
        .extracting(v -> v.connection().name())
        .containsExactly("Mails");
    assertThat(connections.list(user, null, null, null, null)).hasSize(2);
  }

  private CatalogueSeeder seederOf(SystemCatalogue catalogue) {
    return new CatalogueSeeder(catalogue, jdbc, integrationRows, integrations, tx, clock);
  }

  private static SystemCatalogue catalogue(CatalogueEntry... entries) {
    return new SystemCatalogue(List.of(entries));
  }

  /** A REST entry whose description and base URL say which revision wrote it. */
  private static CatalogueEntry entry(String key, int revision, String word) {
    return new CatalogueEntry(
        key,
        revision,
        "Alpha Beta " + key,
        word,
        "Developer tools",
        IntegrationType.REST_API,
        AuthScheme.BEARER,
        LifecycleStatus.ACTIVE,
        Map.of("baseUrl", "https://" + word + ".example.com"));
  }

  private static IntegrationDraft editedDescription(Integration i, String description) {
    return new IntegrationDraft(
        i.name(),
        description,
        i.domainVertical(),
        i.type(),
        null,
        null,
        null,
        null,
        null,
        i.config().shared(),
        null,
        i.version());
  }

  private List<Integration> systemIntegrations(String org) {
    return integrations.list(
        superAdminOf(org), new IntegrationFilter(null, null, IntegrationScope.SYSTEM));
  }

  private Integration byName(String org, String name) {
    return systemIntegrations(org).stream()
        .filter(i -> i.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no System integration " + name + " in " + org));
  }

  private static Actor superAdminOf(String org) {
    return new Actor("root", org, Set.of(Role.SUPER_ADMIN));
  }

  private static String newOrganization() {
    return "catalogue-" + UUID.randomUUID();
  }
}
