package dev.flowconnections.connection;

import static dev.flowconnections.testsupport.ValidationAssertions.assertThatFieldErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ConflictException;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.LifecycleStatus;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConnectionServiceTest extends DatabaseTest {

  @Autowired CredentialStore store;

  @Test
  void derivesTheKeyFromTheNameAndKeepsItOnRename() {
    Integration integration = bearerIntegration();
    String name = unique("Sales CRM");
    ConnectionView created =
        connections.create(
            modeler,
            new ConnectionDraft(integration.id(), name, null, Visibility.ORGANIZATION, null));

    assertThat(created.connection().key()).isEqualTo(ConnectionKeys.fromName(name));
    assertThat(created.connection().owner()).isEqualTo("modeler");
    ConnectionView renamed =
        connections.update(
            modeler,
            created.connection().id(),
            new ConnectionDraft(
                null, name + " renamed", null, null, created.connection().version()));
    assertThat(renamed.connection().key()).isEqualTo(created.connection().key());
  }

  @Test
  void duplicateNamesConflict() {
    Integration integration = bearerIntegration();
    ConnectionView first = connection(modeler, integration, Visibility.ORGANIZATION);

    assertThatThrownBy(
            () ->
                connections.create(
                    otherUser,
                    new ConnectionDraft(
                        integration.id(),
                        first.connection().name().toUpperCase(),
                        null,
                        Visibility.PERSONAL,
                        null)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void draftAndDeprecatedIntegrationsTakeNoNewConnections() {
    Integration draft =
        integrations.create(
            admin,
            new IntegrationDraft(
                unique("Draft"),
                null,
                null,
                dev.flowconnections.integration.IntegrationType.REST_API,
                null,
                null,
                AuthScheme.NONE,
                LifecycleStatus.DRAFT,
                null,
                Map.of("baseUrl", "https://d.example"),
                null,
                null));

    assertThatThrownBy(() -> connection(modeler, draft, Visibility.ORGANIZATION))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.getMessage()).contains("integrationId", "DRAFT"));
  }

  @Test
  void blankSecretFieldsKeepTheStoredValue() {
    Integration integration =
        restIntegration(AuthScheme.BASIC, Map.of("baseUrl", "https://api.example.com"));
    ConnectionView created = connection(modeler, integration, Visibility.ORGANIZATION);
    UUID id = created.connection().id();
    connections.putEnvironment(
        modeler, id, Environment.QA, Map.of("username", "svc", "password", "first-pass"), null);

    ConnectionView updated =
        connections.putEnvironment(
            modeler, id, Environment.QA, Map.of("username", "svc2", "password", " "), null);

    assertThat(updated.connection().environments().get(Environment.QA).settings())
        .containsEntry("username", "svc2");
    assertThat(updated.connection().environments().get(Environment.QA).secretFieldsSet())
        .containsExactly("password");
    assertThat(store.read(location(created, Environment.QA)).orElseThrow().text("password"))
        .contains("first-pass");
    assertThat(updated.statuses().get(Environment.QA)).isEqualTo(EnvironmentStatus.CONFIGURED);
    assertThat(updated.configuredCount()).isEqualTo(1);
  }

  @Test
  void requiredFieldsMustBeSetAndNothingIsWrittenOtherwise() {
    Integration integration =
        restIntegration(AuthScheme.BASIC, Map.of("baseUrl", "https://api.example.com"));
    ConnectionView created = connection(modeler, integration, Visibility.ORGANIZATION);

    assertThatFieldErrors(
            () ->
                putCredentials(modeler, created, Environment.PRODUCTION, Map.of("username", "svc")))
        .containsExactly("fields.password");
    assertThatFieldErrors(
            () ->
                putCredentials(
                    modeler,
                    created,
                    Environment.PRODUCTION,
                    Map.of("username", "svc", "password", "p", "token", "t")))
        .containsExactly("fields.token");

    ConnectionView unchanged = connections.get(modeler, created.connection().id());
    assertThat(unchanged.connection().environments()).isEmpty();
    assertThat(unchanged.connection().version()).isEqualTo(created.connection().version());
    assertThat(store.read(location(created, Environment.PRODUCTION))).isEmpty();
  }

  @Test
  void aStaleVersionOnAnEnvironmentUpdateConflicts() {
    ConnectionView created = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    long version = created.connection().version();
    connections.putEnvironment(
        modeler, created.connection().id(), Environment.DEVELOPMENT, Map.of("token", "a"), version);

    assertThatThrownBy(
            () ->
                connections.putEnvironment(
                    otherUser,
                    created.connection().id(),
                    Environment.DEVELOPMENT,
                    Map.of("token", "b"),
                    version))
        .isInstanceOf(ConflictException.class);
    assertThat(store.read(location(created, Environment.DEVELOPMENT)).orElseThrow().text("token"))
        .contains("a");
  }

  @Test
  void personalConnectionsExistOnlyForTheirOwner() {
    Integration integration = bearerIntegration();
    ConnectionView personal = connection(modeler, integration, Visibility.PERSONAL);
    UUID id = personal.connection().id();

    assertThat(connections.list(modeler, null, null, integration.id())).hasSize(1);
    assertThat(connections.list(otherUser, null, null, integration.id())).isEmpty();
    assertThatThrownBy(() -> connections.get(otherUser, id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> connections.delete(otherUser, id))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                connections.putEnvironment(
                    otherUser, id, Environment.QA, Map.of("token", "x"), null))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void onlyAnAdminMakesASharedConnectionPersonalAndThenOwnsIt() {
    ConnectionView shared = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    UUID id = shared.connection().id();
    ConnectionDraft personal =
        new ConnectionDraft(
            null,
            shared.connection().name(),
            null,
            Visibility.PERSONAL,
            shared.connection().version());

    // issue 13: any user could take a shared connection away from everyone this way
    assertThatThrownBy(() -> connections.update(otherUser, id, personal))
        .isInstanceOfSatisfying(
            dev.flowconnections.access.AccessDeniedException.class,
            e -> assertThat(e.field()).isEqualTo("visibility"));
    assertThatThrownBy(() -> connections.update(modeler, id, personal))
        .as("the creator of a shared connection too")
        .isInstanceOf(dev.flowconnections.access.AccessDeniedException.class);
    connections.update(admin, id, personal);

    assertThat(connections.get(admin, id).connection().owner()).isEqualTo("admin");
    assertThatThrownBy(() -> connections.get(modeler, id)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingAConnectionRemovesItsCredentials() {
    ConnectionView created = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    putCredentials(modeler, created, Environment.STAGING, Map.of("token", "t"));

    connections.delete(modeler, created.connection().id());

    assertThat(store.read(location(created, Environment.STAGING))).isEmpty();
  }

  @Test
  void anEnvironmentBecomesIncompleteWhenTheAuthSchemeChanges() {
    Integration integration = bearerIntegration();
    ConnectionView created = connection(modeler, integration, Visibility.ORGANIZATION);
    putCredentials(modeler, created, Environment.DEVELOPMENT, Map.of("token", "t"));

    integrations.update(
        admin,
        integration.id(),
        new IntegrationDraft(
            integration.name(),
            null,
            null,
            null,
            null,
            null,
            AuthScheme.BASIC,
            null,
            null,
            integration.config().shared(),
            null,
            integration.version()));

    assertThat(
            connections
                .get(modeler, created.connection().id())
                .statuses()
                .get(Environment.DEVELOPMENT))
        .isEqualTo(EnvironmentStatus.INCOMPLETE);
  }

  @Test
  void providerSpecificFieldsAreRequiredForTheirProviderOnly() {
    Integration twilio =
        integrations.create(
            admin,
            IntegrationDrafts.ofType(
                unique("Twilio"),
                dev.flowconnections.integration.IntegrationType.SMS,
                null,
                Map.of("provider", "TWILIO")));
    ConnectionView sms = connection(modeler, twilio, Visibility.ORGANIZATION);

    assertThatFieldErrors(
            () -> putCredentials(modeler, sms, Environment.QA, Map.of("accountSid", "AC123")))
        .containsExactly("fields.authToken");
    ConnectionView saved =
        putCredentials(
            modeler, sms, Environment.QA, Map.of("accountSid", "AC123", "authToken", "tw-token"));
    assertThat(saved.statuses().get(Environment.QA)).isEqualTo(EnvironmentStatus.CONFIGURED);
  }

  private static CredentialLocation location(ConnectionView view, Environment environment) {
    return new CredentialLocation(
        ORG, view.connection().id(), view.connection().key(), environment);
  }

  @Test
  void aTestResultIsKeptWithoutAVersionBumpUntilTheCredentialsChange() {
    ConnectionView created = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    UUID id = created.connection().id();
    ConnectionView saved =
        connections.putEnvironment(modeler, id, Environment.QA, Map.of("token", "t1"), null);
    ConnectionEnvironment qa = saved.connection().environments().get(Environment.QA);

    EnvironmentTestResult result =
        connections.recordTest(otherUser, id, Environment.QA, qa.updatedAt(), false, "HTTP 401");

    ConnectionView tested = connections.get(modeler, id);
    assertThat(tested.connection().environments().get(Environment.QA).lastTest()).isEqualTo(result);
    assertThat(result.testedBy()).isEqualTo("other");
    assertThat(tested.failingCount()).isEqualTo(1);
    assertThat(tested.connection().version()).isEqualTo(saved.connection().version());

    connections.putEnvironment(modeler, id, Environment.QA, Map.of("token", "t2"), null);

    assertThat(
            connections.get(modeler, id).connection().environments().get(Environment.QA).lastTest())
        .isNull();
    assertThat(connections.get(modeler, id).failingCount()).isZero();
  }

  @Test
  void aTestOfCredentialsReplacedMeanwhileIsAnsweredButNotKept() {
    ConnectionView created = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    UUID id = created.connection().id();
    ConnectionEnvironment tested =
        connections
            .putEnvironment(modeler, id, Environment.QA, Map.of("token", "old"), null)
            .connection()
            .environments()
            .get(Environment.QA);
    connections.putEnvironment(
        modeler, id, Environment.QA, Map.of("token", "new"), null); // while the test ran

    EnvironmentTestResult result =
        connections.recordTest(modeler, id, Environment.QA, tested.updatedAt(), true, "HTTP 200");

    assertThat(result.ok()).isTrue();
    assertThat(
            connections.get(modeler, id).connection().environments().get(Environment.QA).lastTest())
        .as("an ok for the old token must not vouch for the new one")
        .isNull();
  }

  @Test
  void testsOfUnconfiguredEnvironmentsOrInvisibleConnectionsAreNotRecorded() {
    ConnectionView personal = connection(modeler, bearerIntegration(), Visibility.PERSONAL);
    UUID id = personal.connection().id();
    connections.putEnvironment(modeler, id, Environment.QA, Map.of("token", "t"), null);

    assertThatThrownBy(
            () ->
                connections.recordTest(
                    modeler, id, Environment.PRODUCTION, Instant.now(), true, "ok"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> connections.recordTest(otherUser, id, Environment.QA, Instant.now(), true, "ok"))
        .isInstanceOf(NotFoundException.class);
  }
}
