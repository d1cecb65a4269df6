package dev.flowconnections.integration;

import static dev.flowconnections.testsupport.ValidationAssertions.assertThatFieldErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ConflictException;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.integration.IntegrationDraft.EnvironmentConfigDraft;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationServiceTest extends DatabaseTest {

  @Test
  void createsWithDefaultsAndAppliesFieldDefaults() {
    Integration created =
        restIntegration(AuthScheme.API_KEY, Map.of("baseUrl", "https://api.example.com"));

    assertThat(created.status()).isEqualTo(LifecycleStatus.ACTIVE);
    assertThat(created.scope()).isEqualTo(IntegrationScope.ORGANIZATION);
    assertThat(created.config().shared())
        .containsEntry("apiKeyName", "X-API-Key")
        .containsEntry("apiKeyLocation", "HEADER");
    assertThat(integrations.get(modeler, created.id())).isEqualTo(created);
  }

  @Test
  void namesEveryInvalidField() {
    IntegrationDraft draft =
        IntegrationDrafts.restSameForAll(
            unique("Bad"),
            null,
            AuthScheme.API_KEY,
            Map.of("baseUrl", "ftp://nope", "apiKeyLocation", "BODY", "colour", "red"));

    assertThatFieldErrors(() -> integrations.create(admin, draft))
        .containsExactlyInAnyOrder("config.baseUrl", "config.apiKeyLocation", "config.colour");
  }

  @Test
  void perEnvironmentConfigCopiesFromAnotherEnvironment() {
    Map<Environment, EnvironmentConfigDraft> envs = new LinkedHashMap<>();
    envs.put(
        Environment.STAGING,
        new EnvironmentConfigDraft(
            null, Map.of("baseUrl", "https://staging.example.com", "apiKeyName", "X-Token")));
    envs.put(
        Environment.PRODUCTION,
        new EnvironmentConfigDraft(
            Environment.STAGING, Map.of("baseUrl", "https://api.example.com")));
    Integration created =
        integrations.create(
            admin,
            IntegrationDrafts.restPerEnvironment(unique("PerEnv"), AuthScheme.API_KEY, envs));

    assertThat(
            created
                .config()
                .forEnvironment(ConfigMode.PER_ENVIRONMENT, Environment.PRODUCTION)
                .orElseThrow())
        .containsEntry("baseUrl", "https://api.example.com")
        .containsEntry("apiKeyName", "X-Token");
    assertThat(created.config().forEnvironment(ConfigMode.PER_ENVIRONMENT, Environment.DEVELOPMENT))
        .isEmpty();
  }

  @Test
  void copyFromMustNameAConfiguredEnvironment() {
    Map<Environment, EnvironmentConfigDraft> envs =
        Map.of(Environment.PRODUCTION, new EnvironmentConfigDraft(Environment.QA, Map.of()));
    IntegrationDraft draft =
        IntegrationDrafts.restPerEnvironment(unique("Copy"), AuthScheme.NONE, envs);

    assertThatFieldErrors(() -> integrations.create(admin, draft))
        .contains("environments.PRODUCTION.copyFrom");
  }

  @Test
  void typeCannotChangeAndStaleVersionsConflict() {
    Integration created = bearerIntegration();
    IntegrationDraft typeChange = update(created, IntegrationType.DATABASE, created.version());
    assertThatThrownBy(() -> integrations.update(admin, created.id(), typeChange))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("type"));

    Integration renamed =
        integrations.update(admin, created.id(), update(created, null, created.version()));
    assertThat(renamed.version()).isEqualTo(created.version() + 1);

    assertThatThrownBy(
            () ->
                integrations.update(admin, created.id(), update(created, null, created.version())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("stale");
    assertThat(integrations.get(admin, created.id())).isEqualTo(renamed);
  }

  @Test
  void onlyAdminsWriteAndOnlySuperAdminsOwnSystemIntegrations() {
    assertThatThrownBy(
            () ->
                integrations.create(
                    modeler,
                    IntegrationDrafts.ofType(
                        unique("X"),
                        IntegrationType.REST_API,
                        null,
                        Map.of("baseUrl", "https://x.example"))))
        .isInstanceOf(AccessDeniedException.class);

    IntegrationDraft system =
        new IntegrationDraft(
            unique("Sys"),
            null,
            null,
            IntegrationType.REST_API,
            IntegrationScope.SYSTEM,
            null,
            null,
            null,
            null,
            Map.of("baseUrl", "https://sys.example"),
            null,
            null);
    assertThatThrownBy(() -> integrations.create(admin, system))
        .isInstanceOf(AccessDeniedException.class);
    Integration created = integrations.create(superAdmin, system);
    IntegrationDraft edit =
        IntegrationDrafts.editDescriptionAndConfig(
            created.name(), "edited", Map.of("baseUrl", "https://sys.example"), created.version());
    assertThatThrownBy(() -> integrations.update(admin, created.id(), edit))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(integrations.update(superAdmin, created.id(), edit).description())
        .isEqualTo("edited");
    assertThatThrownBy(() -> integrations.delete(admin, created.id(), false))
        .isInstanceOf(AccessDeniedException.class);
    integrations.delete(superAdmin, created.id(), false);
    assertThatThrownBy(() -> integrations.get(admin, created.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anAmendmentIsSavedAsTheNextVersionUnderTheSameRules() {
    Integration created =
        restIntegration(AuthScheme.API_KEY, Map.of("baseUrl", "https://api.example.com"));

    assertThatThrownBy(() -> integrations.amend(modeler, created.id(), "openApiSpec", i -> i))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(integrations.amend(admin, created.id(), "openApiSpec", i -> null))
        .as("nothing changed: nothing saved")
        .isEqualTo(created);

    Integration amended =
        integrations.amend(
            admin,
            created.id(),
            "openApiSpec",
            i ->
                new Integration(
                    i.id(),
                    i.organizationId(),
                    "ignored",
                    i.description(),
                    i.domainVertical(),
                    i.type(),
                    i.scope(),
                    i.configMode(),
                    i.authScheme(),
                    i.status(),
                    "https://api.example.com/openapi.json",
                    i.config(),
                    i.version(),
                    i.createdAt(),
                    i.createdBy(),
                    i.updatedAt(),
                    i.updatedBy()));

    assertThat(amended.version()).isEqualTo(created.version() + 1);
    assertThat(amended.openApiSpecUrl()).isEqualTo("https://api.example.com/openapi.json");
    assertThat(amended.name()).as("only the document URL is taken").isEqualTo(created.name());
    assertThat(integrations.get(admin, created.id())).isEqualTo(amended);
  }

  @Test
  void deletingAnIntegrationInUseShowsTheImpactUnlessForced() {
    Integration created = bearerIntegration();
    var connection = connection(modeler, created, Visibility.PERSONAL);

    assertThatThrownBy(() -> integrations.delete(admin, created.id(), false))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.details().get("connections").toString())
                    .doesNotContain(connection.connection().key()));
    // personal connections stay with their owner: the admin learns how many, not which
    assertThat(integrations.impactOfDelete(admin, created.id())).isEmpty();
    assertThat(integrations.hiddenImpactOfDelete(admin, created.id())).isEqualTo(1);

    assertThat(integrations.delete(admin, created.id(), true)).hasSize(1);
    assertThatThrownBy(() -> connections.get(modeler, connection.connection().id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void searchMatchesNameAndTypeLabel() {
    Integration created = bearerIntegration();

    assertThat(integrations.list(admin, new IntegrationFilter(created.name(), null, null)))
        .containsExactly(created);
    assertThat(integrations.list(admin, new IntegrationFilter("rest api", null, null)))
        .contains(created);
    assertThat(
            integrations.list(admin, new IntegrationFilter(null, IntegrationType.DATABASE, null)))
        .doesNotContain(created);
    assertThat(integrations.list(admin, new IntegrationFilter(null, null, IntegrationScope.SYSTEM)))
        .doesNotContain(created);
  }

  @Test
  void authSchemesMustSuitTheType() {
    IntegrationDraft database =
        IntegrationDrafts.ofType(
            unique("DB"),
            IntegrationType.DATABASE,
            AuthScheme.BEARER,
            Map.of("vendor", "POSTGRESQL", "jdbcUrl", "jdbc:postgresql://db/app"));

    assertThatFieldErrors(() -> integrations.create(admin, database)).containsExactly("authScheme");
  }

  @Test
  void settingsRequiredForAProviderAreRequiredOnlyThen() {
    IntegrationDraft sns =
        IntegrationDrafts.ofType(
            unique("SNS"), IntegrationType.SMS, null, Map.of("provider", "AWS_SNS"));

    assertThatFieldErrors(() -> integrations.create(admin, sns)).containsExactly("config.region");
    assertThat(
            integrations
                .create(
                    admin,
                    IntegrationDrafts.ofType(
                        unique("Twilio"), IntegrationType.SMS, null, Map.of("provider", "TWILIO")))
                .config()
                .shared())
        .containsEntry("provider", "TWILIO");
  }

  @Test
  void aPublishedIntegrationNeverReturnsToDraft() {
    Integration created = bearerIntegration();
    IntegrationDraft toDraft =
        new IntegrationDraft(
            created.name(),
            null,
            null,
            null,
            null,
            null,
            null,
            LifecycleStatus.DRAFT,
            null,
            created.config().shared(),
            null,
            created.version());

    assertThatThrownBy(() -> integrations.update(admin, created.id(), toDraft))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("status"));
  }

  private static IntegrationDraft update(Integration i, IntegrationType type, long version) {
    return new IntegrationDraft(
        i.name() + "!",
        i.description(),
        null,
        type,
        null,
        null,
        null,
        null,
        null,
        i.config().shared(),
        null,
        version);
  }
}
