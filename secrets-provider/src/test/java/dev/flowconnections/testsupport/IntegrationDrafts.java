package dev.flowconnections.testsupport;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationType;
import java.util.Map;

/**
 * Integration drafts for tests that care about a few of the draft's twelve fields; every field not
 * named here is left null, as the tests wrote it out before.
 */
public final class IntegrationDrafts {

  private static final Map<String, Object> API_BASE_URL =
      Map.of("baseUrl", "https://api.example.com");

  private IntegrationDrafts() {}

  /** A REST API integration with one configuration for every environment. */
  public static IntegrationDraft restSameForAll(
      String name, String description, AuthScheme scheme, Map<String, Object> config) {
    return new IntegrationDraft(
        name,
        description,
        null,
        IntegrationType.REST_API,
        null,
        ConfigMode.SAME_FOR_ALL,
        scheme,
        null,
        null,
        config,
        null,
        null);
  }

  /** A REST API integration configured per environment, with no shared configuration. */
  public static IntegrationDraft restPerEnvironment(
      String name,
      AuthScheme scheme,
      Map<Environment, IntegrationDraft.EnvironmentConfigDraft> environments) {
    return new IntegrationDraft(
        name,
        null,
        null,
        IntegrationType.REST_API,
        null,
        ConfigMode.PER_ENVIRONMENT,
        scheme,
        null,
        null,
        null,
        environments,
        null);
  }

  /** A bearer-token REST API integration on https://api.example.com, with no description. */
  public static IntegrationDraft bearerRest(String name) {
    return restSameForAll(name, null, AuthScheme.BEARER, API_BASE_URL);
  }

  /** A new integration of {@code type}; configuration mode and scope left to the service. */
  public static IntegrationDraft ofType(
      String name, IntegrationType type, AuthScheme scheme, Map<String, Object> config) {
    return new IntegrationDraft(
        name, null, null, type, null, null, scheme, null, null, config, null, null);
  }

  /** An edit of the description and shared configuration only, at {@code version}. */
  public static IntegrationDraft editDescriptionAndConfig(
      String name, String description, Map<String, Object> config, long version) {
    return new IntegrationDraft(
        name, description, null, null, null, null, null, null, null, config, null, version);
  }
}
