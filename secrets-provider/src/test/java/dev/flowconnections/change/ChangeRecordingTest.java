package dev.flowconnections.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.revision.IntegrationRevisionService;
import dev.flowconnections.oauth2.OAuth2Grants;
import dev.flowconnections.oauth2.OAuth2Grants.RefreshOutcome;
import dev.flowconnections.oauth2.StoredTokens;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.scope.RuntimeCaller;
import dev.flowconnections.secret.OrgSecretService;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every method that changes a resolution input leaves its audit row and drops the organization's
 * cached resolutions before it returns. The check per change: a "canary" connection is cached, its
 * credential is then replaced behind the cache's back (straight into the store, announcing
 * nothing), and right after the change under test the resolver must serve the replaced value.
 *
 * <p>The cross-instance listener is off here: it would evict too, a moment later, and hide a
 * missing eviction of the change itself. Each test works in an organization of its own.
 */
@TestPropertySource(properties = "flow-connections.resolution.invalidation.enabled=false")
class ChangeRecordingTest extends DatabaseTest {

  private static final RuntimeCaller CALLER = RuntimeCaller.process("change-recording");

  @Autowired OrgSecretService secrets;
  @Autowired IntegrationRevisionService revisions;
  @Autowired CachingConnectionResolver resolver;
  @Autowired CredentialStore store;
  @Autowired ConnectionRepository connectionRows;
  @Autowired ChangeRecorder changes;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired Clock clock;

  private final String org = "changes-" + UUID.randomUUID();
  private final Actor orgAdmin = new Actor("admin", org, Set.of(Role.ADMIN));
  private final Actor orgUser = new Actor("modeler", org, Set.of(Role.USER));
  private OAuth2Grants grants;
  private Integration integration;
  private ConnectionView canary;
  private int canaryValues;

  @BeforeEach
  void cacheACanary() {
    grants =
        new OAuth2Grants(
            connectionRows, store, jdbc, tx, changes, clock); // as the runtime wires it
    integration = integrations.create(orgAdmin, bearerDraft());
    canary = newConnection(Visibility.ORGANIZATION);
  }

  /**
   * The services' public methods: each either changes a resolution input (and has a test below),
   * records without changing one, or only reads. A new method fails here until it is sorted in.
   */
  @Test
  void everyPublicServiceMethodIsKnownToChangeOrToRead() {
    assertSorted(
        ConnectionService.class,
        Set.of(
            "create",
            "update",
            "putEnvironment",
            "deleteEnvironment",
            "setAllowedInProduction",
            "delete",
            "recordTest"),
        Set.of("get", "list", "page"));
    assertSorted(
        IntegrationService.class,
        Set.of("create", "update", "amend", "setHidden", "delete"),
        Set.of(
            "get",
            "list",
            "page",
            "verticals",
            "fields",
            "impactOfDelete",
            "hiddenImpactOfDelete",
            "preview"));
    // drafts are written but change nothing resolution reads: they are with the readers
    assertSorted(
        IntegrationRevisionService.class,
        Set.of("activate", "restore"),
        Set.of("list", "get", "diff", "createDraft", "updateDraft", "discardDraft"));
    assertSorted(OrgSecretService.class, Set.of("put", "delete"), Set.of("list", "value"));
    assertSorted(
        OAuth2Grants.class, Set.of("authorize", "refresh"), Set.of("usesAuthorizationCode"));
  }

  @Test
  void connectionCreated() {
    assertRecorded(
        () ->
            connections.create(
                orgAdmin,
                new ConnectionDraft(
                    integration.id(), unique("New"), null, Visibility.ORGANIZATION, null)),
        AuditAction.CONNECTION_CREATED);
  }

  @Test
  void connectionUpdated() {
    ConnectionView c =
        connections.get(orgAdmin, newConnection(Visibility.ORGANIZATION).connection().id());
    assertRecorded(
        () ->
            connections.update(
                orgAdmin,
                c.connection().id(),
                new ConnectionDraft(
                    null,
                    c.connection().name() + " renamed",
                    null,
                    null,
                    c.connection().version())),
        AuditAction.CONNECTION_UPDATED);
  }

  @Test
  void credentialsChanged() {
    ConnectionView c = newConnection(Visibility.ORGANIZATION);
    assertRecorded(() -> putToken(orgAdmin, c, "token-v2"), AuditAction.CREDENTIALS_CHANGED);
  }

  @Test
  void credentialsDeleted() {
    ConnectionView c = newConnection(Visibility.ORGANIZATION);
    assertRecorded(
        () -> connections.deleteEnvironment(orgAdmin, c.connection().id(), Environment.PRODUCTION),
        AuditAction.CREDENTIALS_DELETED);
  }

  @Test
  void personalConnectionAllowedInProduction() {
    ConnectionView personal =
        connections.create(
            orgUser,
            new ConnectionDraft(
                integration.id(), unique("Personal"), null, Visibility.PERSONAL, null));
    assertRecorded(
        () -> connections.setAllowedInProduction(orgAdmin, personal.connection().id(), true),
        AuditAction.CONNECTION_UPDATED);
  }

  @Test
  void connectionDeleted() {
    ConnectionView c = newConnection(Visibility.ORGANIZATION);
    assertRecorded(
        () -> connections.delete(orgAdmin, c.connection().id()), AuditAction.CONNECTION_DELETED);
  }

  /** A test result is no resolution input: audited, the cache may keep what it has. */
  @Test
  void connectionTestedIsAuditedOnly() {
    ConnectionView c = newConnection(Visibility.ORGANIZATION);
    long before = lastAuditId();
    connections.recordTest(
        orgAdmin, c.connection().id(), Environment.PRODUCTION, Instant.EPOCH, true, "ok");
    assertThat(actionsAfter(before)).containsExactly(AuditAction.CONNECTION_TESTED);
  }

  @Test
  void integrationCreated() {
    assertRecorded(
        () -> integrations.create(orgAdmin, bearerDraft()), AuditAction.INTEGRATION_CREATED);
  }

  @Test
  void integrationUpdated() {
    assertRecorded(
        () ->
            integrations.update(
                orgAdmin,
                integration.id(),
                IntegrationDrafts.editDescriptionAndConfig(
                    integration.name(),
                    "changed",
                    Map.of("baseUrl", "https://other.example.com"),
                    integration.version())),
        AuditAction.INTEGRATION_UPDATED);
  }

  @Test
  void integrationAmendedByAnOpenApiImport() {
    assertRecorded(
        () ->
            integrations.amend(
                orgAdmin,
                integration.id(),
                "openApiSpec",
                current -> current.withOpenApiSpecUrl("https://specs.example.com/openapi.json")),
        AuditAction.INTEGRATION_UPDATED);
  }

  @Test
  void systemIntegrationHidden() {
    Actor superAdmin = new Actor("root", org, Set.of(Role.SUPER_ADMIN));
    IntegrationDraft rest = bearerDraft();
    Integration system =
        integrations.create(
            superAdmin,
            new IntegrationDraft(
                rest.name(),
                rest.description(),
                rest.domainVertical(),
                rest.type(),
                IntegrationScope.SYSTEM,
                rest.configMode(),
                rest.authScheme(),
                rest.status(),
                rest.openApiSpecUrl(),
                rest.config(),
                rest.environments(),
                null));
    assertRecorded(
        () -> integrations.setHidden(superAdmin, system.id(), true),
        AuditAction.INTEGRATION_UPDATED);
  }

  @Test
  void integrationRevisionActivated() {
    revisions.createDraft(
        orgAdmin,
        integration.id(),
        IntegrationDrafts.editDescriptionAndConfig(
            integration.name(), "drafted", Map.of("baseUrl", "https://draft.example.com"), 0));
    assertRecorded(
        () -> revisions.activate(orgAdmin, integration.id(), 2, integration.version()),
        AuditAction.INTEGRATION_REVISION_ACTIVATED);
  }

  @Test
  void integrationRevisionRestored() {
    integrations.update(
        orgAdmin,
        integration.id(),
        IntegrationDrafts.editDescriptionAndConfig(
            integration.name(),
            "changed",
            Map.of("baseUrl", "https://other.example.com"),
            integration.version()));
    assertRecorded(
        () -> revisions.restore(orgAdmin, integration.id(), 1, integration.version() + 1),
        AuditAction.INTEGRATION_REVISION_RESTORED);
  }

  @Test
  void integrationDeletedWithItsConnections() {
    Integration doomed = integrations.create(orgAdmin, bearerDraft());
    connections.create(
        orgAdmin,
        new ConnectionDraft(doomed.id(), unique("Doomed"), null, Visibility.ORGANIZATION, null));
    assertRecorded(
        () -> integrations.delete(orgAdmin, doomed.id(), true),
        AuditAction.CONNECTION_DELETED,
        AuditAction.INTEGRATION_DELETED);
  }

  @Test
  void orgSecretCreatedRotatedRescopedDeleted() {
    String key = "CHANGE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertRecorded(() -> secrets.put(orgAdmin, key, "first"), AuditAction.SECRET_CREATED);
    assertRecorded(() -> secrets.put(orgAdmin, key, "second"), AuditAction.SECRET_ROTATED);
    assertRecorded(
        () -> secrets.put(orgAdmin, key, null, List.of("some-process")),
        AuditAction.SECRET_UPDATED);
    assertRecorded(() -> secrets.delete(orgAdmin, key), AuditAction.SECRET_DELETED);
  }

  @Test
  void oauth2GrantAuthorizedRefreshedAndRefused() {
    ConnectionView c = newConnection(Visibility.ORGANIZATION);
    assertRecorded(
        () ->
            grants.authorize(
                org,
                c.connection().id(),
                Environment.PRODUCTION,
                "modeler",
                tokens("access-1"),
                null),
        AuditAction.CREDENTIALS_CHANGED);
    assertRecorded(
        () -> refreshProduction(c, new RefreshOutcome.Refreshed(tokens("access-2"))),
        AuditAction.CREDENTIALS_CHANGED);
    assertRecorded(
        () -> refreshProduction(c, new RefreshOutcome.Rejected("refresh refused: invalid_grant")),
        AuditAction.CREDENTIALS_CHANGED);
  }

  /** A refresh that finds the stored tokens still good writes nothing, so it records nothing. */
  @Test
  void oauth2RefreshThatChangesNothingRecordsNothing() {
    ConnectionView c = newConnection(Visibility.ORGANIZATION);
    grants.authorize(
        org, c.connection().id(), Environment.PRODUCTION, "modeler", tokens("access-1"), null);
    long before = lastAuditId();
    grants.refresh(org, c.connection().key(), Environment.PRODUCTION, RefreshOutcome.Current::new);
    assertThat(actionsAfter(before)).isEmpty();
  }

  /**
   * Runs {@code change} with the canary cached and its credential replaced behind the cache's back;
   * then the resolver must serve the replaced value, and the change's audit rows must be there.
   */
  private void assertRecorded(Runnable change, AuditAction... expected) {
    String cached = canaryToken();
    String replaced = "canary-" + ++canaryValues;
    store.write(canaryLocation(), SecretValues.of(Map.of("token", replaced)));
    assertThat(canaryToken()).as("served from the cache").isEqualTo(cached);
    long before = lastAuditId();

    change.run();

    assertThat(canaryToken()).as("the cache was dropped by the change").isEqualTo(replaced);
    assertThat(actionsAfter(before)).containsExactly(expected);
  }

  private ConnectionView newConnection(Visibility visibility) {
    ConnectionView c =
        connections.create(
            orgAdmin,
            new ConnectionDraft(integration.id(), unique("Conn"), null, visibility, null));
    putToken(orgAdmin, c, "token-v1");
    return c;
  }

  private void putToken(Actor actor, ConnectionView c, String token) {
    putCredentials(actor, c, Environment.PRODUCTION, Map.of("token", token));
  }

  private String canaryToken() {
    return resolver
        .resolve(org, canary.connection().key(), Environment.PRODUCTION, CALLER)
        .requireText("token");
  }

  private CredentialLocation canaryLocation() {
    return new CredentialLocation(
        org, canary.connection().id(), canary.connection().key(), Environment.PRODUCTION);
  }

  private long lastAuditId() {
    return jdbc.sql("select coalesce(max(id), 0) from audit_event where organization_id = :org")
        .param("org", org)
        .query(Long.class)
        .single();
  }

  private List<AuditAction> actionsAfter(long id) {
    return jdbc.sql(
            "select action from audit_event where organization_id = :org and id > :id order by id")
        .param("org", org)
        .param("id", id)
        .query((rs, n) -> AuditAction.valueOf(rs.getString(1)))
        .list();
  }

  private static StoredTokens tokens(String accessToken) {
    return new StoredTokens(accessToken, "refresh-" + accessToken, Instant.now().plusSeconds(3600));
  }

  private static IntegrationDraft bearerDraft() {
    return IntegrationDrafts.bearerRest(unique("REST"));
  }

  private static void assertSorted(Class<?> service, Set<String> changing, Set<String> reading) {
    Set<String> publicMethods =
        Arrays.stream(service.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
            .map(Method::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> known = new TreeSet<>(changing);
    known.addAll(reading);
    assertThat(publicMethods)
        .as(
            "public methods of %s: one that changes a resolution input must call ChangeRecorder.changed "
                + "and get a test in this class",
            service.getSimpleName())
        .isEqualTo(known);
  }

  /** Refreshes the PRODUCTION grant of {@code c}, the token endpoint answering {@code outcome}. */
  private RefreshOutcome refreshProduction(ConnectionView c, RefreshOutcome outcome) {
    return grants.refresh(org, c.connection().key(), Environment.PRODUCTION, stored -> outcome);
  }
}
