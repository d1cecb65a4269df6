package dev.flowconnections.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.audit.AuditSubject;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.resolution.StoreConnectionResolver;
import dev.flowconnections.secret.OrgSecretRepository;
import dev.flowconnections.secret.OrgSecretService;
import dev.flowconnections.testsupport.DatabaseTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process scope at the resolver (with its cache) and the org secret lookup, on the real database.
 */
class ProcessScopeResolutionTest extends DatabaseTest {

  @Autowired CachingConnectionResolver resolver;
  @Autowired OrgSecretService secrets;
  @Autowired OrgSecretRepository orgSecrets;
  @Autowired ConnectionRepository connectionRepository;
  @Autowired IntegrationRepository integrationRepository;
  @Autowired CredentialStore credentialStore;

  @Test
  void aPersonalConnectionResolvesOnlyForTheProcessesItsOwnerListed() {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.PERSONAL);
    put(c, Environment.DEVELOPMENT, "personal-token");

    assertRefusedAsMissing(c, Environment.DEVELOPMENT, RuntimeCaller.process("attacker-process"));
    assertRefusedAsMissing(c, Environment.DEVELOPMENT, RuntimeCaller.UNKNOWN_PROCESS);

    allow(modeler, c, List.of("owner-process"));
    assertThat(
            resolve(c, Environment.DEVELOPMENT, RuntimeCaller.process("owner-process"))
                .requireText("token"))
        .isEqualTo("personal-token");
    assertRefusedAsMissing(c, Environment.DEVELOPMENT, RuntimeCaller.process("attacker-process"));
    assertRefusedAsMissing(c, Environment.DEVELOPMENT, RuntimeCaller.UNKNOWN_PROCESS);
    // a person's connection test is not process-scoped
    assertThat(resolve(c, Environment.DEVELOPMENT, RuntimeCaller.PERSON).requireText("token"))
        .isEqualTo("personal-token");
  }

  @Test
  void aPersonalConnectionServesProductionOnlyOnceAnAdministratorAllowedIt() {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.PERSONAL);
    put(c, Environment.PRODUCTION, "personal-prod-token");
    allow(modeler, c, List.of("owner-process"));

    assertThatThrownBy(
            () -> resolve(c, Environment.PRODUCTION, RuntimeCaller.process("owner-process")))
        .isInstanceOf(ProcessScopeException.class)
        .hasMessage(
            "connection '"
                + c.connection().key()
                + "' may not be used by process 'owner-process' in PRODUCTION:"
                + " an administrator has not allowed this personal connection there"); // the owner
    // only as
    // the key's
    // tag
    assertThatThrownBy(
            () -> connections.update(modeler, c.connection().id(), draft(modeler, c, null, true)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("allowedInProduction");

    connections.setAllowedInProduction(admin, c.connection().id(), true);
    assertThat(
            resolve(c, Environment.PRODUCTION, RuntimeCaller.process("owner-process"))
                .requireText("token"))
        .isEqualTo("personal-prod-token");
    assertThatThrownBy(
            () -> connections.setAllowedInProduction(modeler, c.connection().id(), false))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aConnectionThatBecomesPersonalLosesAnEarlierProductionPermission() {
    ConnectionView shared =
        connections.create(
            admin,
            new ConnectionDraft(
                bearerIntegration().id(),
                unique("Shared"),
                null,
                Visibility.ORGANIZATION,
                null,
                List.of("p"),
                true));
    assertThat(shared.connection().allowedInProduction()).isTrue();

    ConnectionView personal =
        connections.update(
            admin,
            shared.connection().id(),
            new ConnectionDraft(
                null,
                shared.connection().name(),
                null,
                Visibility.PERSONAL,
                shared.connection().version()));

    assertThat(personal.connection().allowedInProduction()).isFalse();
    assertThat(personal.connection().allowedProcesses()).containsExactly("p");
  }

  @Test
  void anOrganizationConnectionWithAListServesOnlyThoseProcessesAndTheCacheDoesNotBypassIt() {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    put(c, Environment.PRODUCTION, "org-token");
    assertThat(
            resolve(c, Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS).requireText("token"))
        .as("empty list: every process")
        .isEqualTo("org-token");

    allow(modeler, c, List.of("process-a"));

    assertThat(
            resolve(c, Environment.PRODUCTION, RuntimeCaller.process("process-a"))
                .requireText("token"))
        .isEqualTo("org-token");
    // process-a's resolution is cached now; process-b must still be refused
    assertRefused(c, Environment.PRODUCTION, RuntimeCaller.process("process-b"), "process-b");
    assertRefused(c, Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS, "an unknown process");
    assertThat(
            resolve(c, Environment.PRODUCTION, RuntimeCaller.process("process-a"))
                .requireText("token"))
        .isEqualTo("org-token");

    allow(modeler, c, List.of("process-b"));
    assertRefused(c, Environment.PRODUCTION, RuntimeCaller.process("process-a"), "process-a");
  }

  @Test
  void aCachedResolutionForOneProcessNeverAnswersAnother() {
    // a cache of its own, which no change event or notification evicts while the test runs
    CachingConnectionResolver cache =
        new CachingConnectionResolver(
            new StoreConnectionResolver(
                connectionRepository, integrationRepository, credentialStore, orgSecrets),
            Duration.ofMinutes(10),
            100);
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    put(c, Environment.PRODUCTION, "cached-token");
    allow(modeler, c, List.of("process-a"));

    assertThat(
            cache
                .resolve(
                    ORG,
                    c.connection().key(),
                    Environment.PRODUCTION,
                    RuntimeCaller.process("process-a"))
                .requireText("token"))
        .isEqualTo("cached-token");
    assertThat(cache.size()).isEqualTo(1);

    assertThatThrownBy(
            () ->
                cache.resolve(
                    ORG,
                    c.connection().key(),
                    Environment.PRODUCTION,
                    RuntimeCaller.process("process-b")))
        .isInstanceOf(ProcessScopeException.class);
    assertThatThrownBy(
            () ->
                cache.resolve(
                    ORG,
                    c.connection().key(),
                    Environment.PRODUCTION,
                    RuntimeCaller.UNKNOWN_PROCESS))
        .isInstanceOf(ProcessScopeException.class);
    assertThat(cache.size()).as("refusals are not cached").isEqualTo(1);
    cache.evictOrganization(ORG);
    assertThat(cache.size())
        .as("eviction by organization still drops every caller's entry")
        .isZero();
  }

  @Test
  void aSecretReferencedByAConnectionIsExpandedOnlyForTheProcessesTheSecretAllows() {
    String secretKey = "SCOPED_" + System.nanoTime();
    secrets.put(admin, secretKey, "scoped-secret-value", List.of("process-a"));
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    put(c, Environment.PRODUCTION, "@@SECRET:" + secretKey + "@@");

    assertThat(
            resolve(c, Environment.PRODUCTION, RuntimeCaller.process("process-a"))
                .requireText("token"))
        .isEqualTo("scoped-secret-value");
    assertThatThrownBy(() -> resolve(c, Environment.PRODUCTION, RuntimeCaller.process("process-b")))
        .isInstanceOfSatisfying(
            ProcessScopeException.class,
            e -> {
              assertThat(e.subject()).isEqualTo(AuditSubject.SECRET);
              assertThat(e.subjectKey()).isEqualTo(secretKey);
            })
        .hasMessageContaining("secret '" + secretKey + "'")
        .hasMessageContaining("process 'process-b'")
        .hasMessageNotContaining("scoped-secret-value");
  }

  @Test
  void theScopedSecretLookupRefusesOtherProcessesAndKeepsTheScopeOnRotation() {
    String secretKey = "LOOKUP_" + System.nanoTime();
    secrets.put(admin, secretKey, "v1", List.of("process-a"));
    secrets.put(admin, secretKey, "v2");

    assertThat(orgSecrets.value(ORG, secretKey, RuntimeCaller.process("process-a"))).contains("v2");
    assertThatThrownBy(() -> orgSecrets.value(ORG, secretKey, RuntimeCaller.process("process-b")))
        .isInstanceOf(ProcessScopeException.class)
        .hasMessage("secret '" + secretKey + "' may not be used by process 'process-b'");
    assertThatThrownBy(() -> orgSecrets.value(ORG, secretKey, RuntimeCaller.UNKNOWN_PROCESS))
        .isInstanceOf(ProcessScopeException.class);

    secrets.put(admin, secretKey, null, List.of());
    assertThat(orgSecrets.value(ORG, secretKey, RuntimeCaller.UNKNOWN_PROCESS)).contains("v2");
    assertThat(orgSecrets.find(ORG, secretKey).orElseThrow().allowedProcesses()).isEmpty();
  }

  @Test
  void badProcessIdsAreRejectedNamingTheEntry() {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    assertThatThrownBy(
            () ->
                allow(
                    modeler, c, java.util.Arrays.asList("ok-process", "1bad", "ok-process", null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(er -> er.field())
                    .containsExactly(
                        "allowedProcesses[1]", "allowedProcesses[2]", "allowedProcesses[3]"));
    assertThatThrownBy(
            () -> secrets.put(admin, "BAD_" + System.nanoTime(), "v", List.of("has space")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(er -> er.field())
                    .containsExactly("allowedProcesses[0]"));
  }

  /** A personal connection refused to a process it does not list reads like a key nobody has. */
  private void assertRefusedAsMissing(
      ConnectionView c, Environment environment, RuntimeCaller caller) {
    assertThatThrownBy(() -> resolve(c, environment, caller))
        .isInstanceOfSatisfying(
            ProcessScopeException.class,
            e -> assertThat(e.subjectKey()).isEqualTo(c.connection().key()))
        .hasMessage("connection '" + c.connection().key() + "' does not exist");
  }

  private void assertRefused(
      ConnectionView c, Environment environment, RuntimeCaller caller, String processNamed) {
    assertThatThrownBy(() -> resolve(c, environment, caller))
        .isInstanceOfSatisfying(
            ProcessScopeException.class,
            e -> {
              assertThat(e.subject()).isEqualTo(AuditSubject.CONNECTION);
              assertThat(e.subjectKey()).isEqualTo(c.connection().key());
            })
        .hasMessageContaining("connection '" + c.connection().key() + "'")
        .hasMessageContaining(processNamed);
  }

  private dev.flowconnections.resolution.ResolvedConnection resolve(
      ConnectionView c, Environment environment, RuntimeCaller caller) {
    return resolver.resolve(ORG, c.connection().key(), environment, caller);
  }

  private void put(ConnectionView c, Environment environment, String token) {
    connections.putEnvironment(
        modeler, c.connection().id(), environment, Map.of("token", token), null);
  }

  private void allow(
      dev.flowconnections.access.Actor actor, ConnectionView c, List<String> processes) {
    ConnectionView current = connections.get(actor, c.connection().id());
    connections.update(
        actor,
        c.connection().id(),
        new ConnectionDraft(
            null,
            current.connection().name(),
            null,
            null,
            current.connection().version(),
            processes,
            null));
  }

  private ConnectionDraft draft(
      dev.flowconnections.access.Actor actor,
      ConnectionView c,
      List<String> processes,
      Boolean production) {
    ConnectionView current = connections.get(actor, c.connection().id());
    return new ConnectionDraft(
        null,
        current.connection().name(),
        null,
        null,
        current.connection().version(),
        processes,
        production);
  }
}
