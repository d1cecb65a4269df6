package dev.flowconnections.integration.revision;

import static dev.flowconnections.testsupport.ValidationAssertions.assertThatFieldErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ConflictException;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationDraft.EnvironmentConfigDraft;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.LifecycleStatus;
import dev.flowconnections.integration.revision.IntegrationSnapshots.Change;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.scope.RuntimeCaller;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IntegrationRevisionServiceTest extends DatabaseTest {

  @Autowired IntegrationRevisionService revisions;
  @Autowired CachingConnectionResolver resolver;
  @Autowired JdbcClient jdbc;

  @Test
  void everySaveIsARevisionSayingWhoWhenAndWhatChangedWithTheWholeIntegration() {
    Integration created = perEnvironment("https://api.example.com");
    Integration updated =
        integrations.update(
            superAdmin,
            created.id(),
            perEnvironmentUpdate(created, "https://v2.example.com", created.version()));

    List<IntegrationRevision> history = revisions.list(admin, created.id());

    assertThat(history).extracting(IntegrationRevision::revision).containsExactly(2, 1);
    IntegrationRevision second = history.get(0);
    assertThat(second.state()).isEqualTo(RevisionState.ACTIVE);
    assertThat(second.createdBy()).isEqualTo("root");
    assertThat(second.createdAt()).isEqualTo(updated.updatedAt());
    assertThat(second.changedProperties())
        .containsExactly("description", "config.PRODUCTION.baseUrl");
    assertThat(second.origin()).isEqualTo(RevisionOrigin.UPDATED);
    assertThat(second.snapshot()).isEqualTo(updated);
    IntegrationRevision first = history.get(1);
    assertThat(first.state()).isEqualTo(RevisionState.EARLIER);
    assertThat(first.createdBy()).isEqualTo("admin");
    assertThat(first.changedProperties()).isEmpty();
    assertThat(first.snapshot()).isEqualTo(created);
    assertThat(revisions.get(admin, created.id(), 1)).isEqualTo(first);
  }

  @Test
  void snapshotsRoundTripIntoTheUpdateThatRestoresThem() {
    Integration created = perEnvironment("https://api.example.com");

    IntegrationDraft update = IntegrationSnapshots.asUpdate(created, 7L);

    assertThat(update.name()).isEqualTo(created.name());
    assertThat(update.type()).isEqualTo(IntegrationType.REST_API);
    assertThat(update.configMode()).isEqualTo(ConfigMode.PER_ENVIRONMENT);
    assertThat(update.environments().get(Environment.PRODUCTION).values())
        .isEqualTo(created.config().environments().get(Environment.PRODUCTION));
    assertThat(update.version()).isEqualTo(7L);
    assertThat(IntegrationSnapshots.read(IntegrationSnapshots.write(created))).isEqualTo(created);
  }

  @Test
  void aDraftIsNotUsedByResolutionUntilItIsActivated() {
    Integration created = perEnvironment("https://api.example.com");
    ConnectionView c = connection(modeler, created, Visibility.ORGANIZATION);
    putCredentials(modeler, c, Environment.PRODUCTION, Map.of("token", "prod-token"));
    assertThat(productionBaseUrl(c)).isEqualTo("https://api.example.com");

    IntegrationRevision draft =
        revisions.createDraft(
            admin, created.id(), perEnvironmentUpdate(created, "https://draft.example.com", null));

    assertThat(draft.state()).isEqualTo(RevisionState.DRAFT);
    assertThat(draft.revision()).isEqualTo(2);
    assertThat(integrations.get(admin, created.id())).isEqualTo(created);
    assertThat(productionBaseUrl(c)).isEqualTo("https://api.example.com");
    assertThat(revisions.diff(admin, created.id(), 2, null))
        .contains(
            change(
                "config.PRODUCTION.baseUrl",
                "https://api.example.com",
                "https://draft.example.com"));

    Integration active = revisions.activate(admin, created.id(), 2, created.version());

    assertThat(productionBaseUrl(c)).isEqualTo("https://draft.example.com");
    assertThat(active.version()).isEqualTo(created.version() + 1);
    IntegrationRevision activated = revisions.get(admin, created.id(), 2);
    assertThat(activated.state()).isEqualTo(RevisionState.ACTIVE);
    assertThat(activated.origin()).isEqualTo(RevisionOrigin.activated(2));
    assertThat(activated.snapshot()).isEqualTo(active);
    assertThat(activated.changedProperties()).contains("config.PRODUCTION.baseUrl");
    assertThat(revisions.list(admin, created.id()))
        .extracting(IntegrationRevision::state)
        .containsExactly(RevisionState.ACTIVE, RevisionState.EARLIER);
    assertThat(auditActions(created)).endsWith("INTEGRATION_REVISION_ACTIVATED");
  }

  @Test
  void draftsAreCheckedLikeUpdatesAndCanBeEditedAndDiscarded() {
    Integration created = perEnvironment("https://api.example.com");
    assertThatFieldErrors(
            () ->
                revisions.createDraft(
                    admin, created.id(), perEnvironmentUpdate(created, "ftp://nope", null)))
        .containsExactly("environments.PRODUCTION.baseUrl");

    revisions.createDraft(
        admin, created.id(), perEnvironmentUpdate(created, "https://one.example.com", null));
    IntegrationRevision edited =
        revisions.updateDraft(
            admin, created.id(), 2, perEnvironmentUpdate(created, "https://two.example.com", null));
    assertThat(edited.snapshot().config().environments().get(Environment.PRODUCTION))
        .containsEntry("baseUrl", "https://two.example.com");

    revisions.discardDraft(admin, created.id(), 2);

    assertThat(revisions.list(admin, created.id()))
        .extracting(IntegrationRevision::revision)
        .containsExactly(1);
    assertThatThrownBy(() -> revisions.discardDraft(admin, created.id(), 1))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void activatingWithAStaleVersionConflictsAndChangesNothing() {
    Integration created = perEnvironment("https://api.example.com");
    revisions.createDraft(
        admin, created.id(), perEnvironmentUpdate(created, "https://draft.example.com", null));
    Integration edited =
        integrations.update(
            admin,
            created.id(),
            perEnvironmentUpdate(created, "https://edit.example.com", created.version()));

    assertThatThrownBy(() -> revisions.activate(admin, created.id(), 2, created.version()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("stale");

    assertThat(integrations.get(admin, created.id())).isEqualTo(edited);
    assertThat(revisions.get(admin, created.id(), 2).state()).isEqualTo(RevisionState.DRAFT);
  }

  @Test
  void ofTwoAdminsRestoringFromTheSameVersionOnlyOneWins() throws Exception {
    Integration created = perEnvironment("https://api.example.com");
    integrations.update(
        admin,
        created.id(),
        perEnvironmentUpdate(created, "https://v2.example.com", created.version()));
    long read = created.version() + 1;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integration>> attempts =
          List.of(1, 2).stream()
              .map(
                  n ->
                      pool.submit(
                          () -> {
                            start.await();
                            return revisions.restore(admin, created.id(), n, read);
                          }))
              .toList();
      start.countDown();
      int won = 0;
      int conflicts = 0;
      for (Future<Integration> attempt : attempts) {
        try {
          attempt.get(30, TimeUnit.SECONDS);
          won++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ConflictException.class);
          conflicts++;
        }
      }
      assertThat(won).isEqualTo(1);
      assertThat(conflicts).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(revisions.list(admin, created.id()))
        .extracting(IntegrationRevision::revision)
        .containsExactly(3, 2, 1);
    assertThat(integrations.get(admin, created.id()).version()).isEqualTo(read + 1);
  }

  @Test
  void restoreAppliesAnEarlierSnapshotAsANewRevision() {
    Integration created = perEnvironment("https://api.example.com");
    integrations.update(
        admin,
        created.id(),
        perEnvironmentUpdate(created, "https://v2.example.com", created.version()));

    Integration restored = revisions.restore(admin, created.id(), 1, created.version() + 1);

    assertThat(restored.config()).isEqualTo(created.config());
    assertThat(restored.description()).isEqualTo(created.description());
    assertThat(restored.version()).isEqualTo(created.version() + 2);
    IntegrationRevision third = revisions.list(admin, created.id()).get(0);
    assertThat(third.revision()).isEqualTo(3);
    assertThat(third.state()).isEqualTo(RevisionState.ACTIVE);
    assertThat(third.origin()).isEqualTo(RevisionOrigin.restoredFrom(1));
    assertThat(third.changedProperties())
        .containsExactly("description", "config.PRODUCTION.baseUrl");
    assertThat(auditActions(created)).endsWith("INTEGRATION_REVISION_RESTORED");
    assertThat(revisions.diff(admin, created.id(), 3, 1)).isEmpty();
  }

  @Test
  void aRestoreTodaysRulesRefuseNamesTheField() {
    Integration draft =
        integrations.create(
            admin,
            new IntegrationDraft(
                unique("Lifecycle"),
                null,
                null,
                IntegrationType.REST_API,
                null,
                null,
                AuthScheme.BEARER,
                LifecycleStatus.DRAFT,
                null,
                Map.of("baseUrl", "https://api.example.com"),
                null,
                null));
    IntegrationDraft publish =
        new IntegrationDraft(
            draft.name(),
            null,
            null,
            null,
            null,
            null,
            null,
            LifecycleStatus.ACTIVE,
            null,
            Map.of("baseUrl", "https://api.example.com"),
            null,
            draft.version());
    integrations.update(admin, draft.id(), publish);

    // a published integration never goes back to DRAFT
    assertThatFieldErrors(() -> revisions.restore(admin, draft.id(), 1, draft.version() + 1))
        .containsExactly("status");
    assertThatFieldErrors(() -> revisions.restore(admin, draft.id(), 1, null)).contains("version");
  }

  @Test
  void diffDefaultsToTheRevisionBefore() {
    Integration created = perEnvironment("https://api.example.com");
    integrations.update(
        admin,
        created.id(),
        perEnvironmentUpdate(created, "https://v2.example.com", created.version()));

    assertThat(revisions.diff(admin, created.id(), 2, null))
        .containsExactly(
            change("description", "first", "second"),
            change(
                "config.PRODUCTION.baseUrl", "https://api.example.com", "https://v2.example.com"));
    assertThat(revisions.diff(admin, created.id(), 1, null)).isEmpty();
    assertThat(revisions.diff(admin, created.id(), 1, 2))
        .contains(change("description", "second", "first"));
  }

  @Test
  void onlyAdminsOfTheOrganizationSeeOrChangeHistory() {
    Integration created = perEnvironment("https://api.example.com");
    Actor stranger = new Actor("stranger", "other-org", Set.of(Role.SUPER_ADMIN));

    assertThatThrownBy(() -> revisions.list(modeler, created.id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> revisions.restore(modeler, created.id(), 1, created.version()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> revisions.list(stranger, created.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> revisions.restore(stranger, created.id(), 1, created.version()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> revisions.get(admin, created.id(), 99))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void systemIntegrationHistoryIsChangedOnlyBySuperAdmins() {
    Integration system =
        integrations.create(
            superAdmin,
            new IntegrationDraft(
                unique("Sys"),
                null,
                null,
                IntegrationType.REST_API,
                dev.flowconnections.integration.IntegrationScope.SYSTEM,
                null,
                null,
                null,
                null,
                Map.of("baseUrl", "https://sys.example"),
                null,
                null));

    assertThat(revisions.list(admin, system.id())).hasSize(1);
    assertThatThrownBy(() -> revisions.restore(admin, system.id(), 1, system.version()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                revisions.createDraft(
                    admin,
                    system.id(),
                    IntegrationDrafts.editDescriptionAndConfig(
                        system.name(), "x", Map.of("baseUrl", "https://sys.example"), 0)))
        .isInstanceOf(AccessDeniedException.class);
  }

  private Integration perEnvironment(String productionUrl) {
    return integrations.create(
        admin,
        new IntegrationDraft(
            unique("Rev"),
            "first",
            null,
            IntegrationType.REST_API,
            null,
            ConfigMode.PER_ENVIRONMENT,
            AuthScheme.BEARER,
            null,
            null,
            null,
            Map.of(
                Environment.PRODUCTION,
                new EnvironmentConfigDraft(null, Map.of("baseUrl", productionUrl))),
            null));
  }

  private static IntegrationDraft perEnvironmentUpdate(
      Integration i, String productionUrl, Long version) {
    return new IntegrationDraft(
        i.name(),
        "second",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Map.of(
            Environment.PRODUCTION,
            new EnvironmentConfigDraft(null, Map.of("baseUrl", productionUrl))),
        version);
  }

  private String productionBaseUrl(ConnectionView c) {
    return resolver
        .resolve(ORG, c.connection().key(), Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS)
        .requireText("baseUrl");
  }

  private List<String> auditActions(Integration integration) {
    return jdbc.sql("select action from audit_event where subject_id = :id order by id")
        .param("id", integration.id().toString())
        .query(String.class)
        .list();
  }

  private static Change change(String path, String before, String after) {
    return new Change(
        path,
        com.fasterxml.jackson.databind.node.TextNode.valueOf(before),
        com.fasterxml.jackson.databind.node.TextNode.valueOf(after));
  }
}
