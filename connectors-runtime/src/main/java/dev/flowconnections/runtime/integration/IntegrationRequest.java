package dev.flowconnections.runtime.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationDraft.EnvironmentConfigDraft;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.LifecycleStatus;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Body of POST and PUT {@code /api/integrations}. Each entry of {@code environments} holds the
 * field values of one environment tab plus an optional {@code "copyFrom": "STAGING"}. Read-only
 * properties of the response are accepted and ignored, so a client may send back what it read.
 */
@JsonIgnoreProperties({
  "id",
  "typeLabel",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
  "hidden"
})
record IntegrationRequest(
    String name,
    String description,
    String domainVertical,
    IntegrationType type,
    IntegrationScope scope,
    ConfigMode configMode,
    AuthScheme authScheme,
    LifecycleStatus status,
    String openApiSpecUrl,
    Map<String, Object> config,
    Map<String, Map<String, Object>> environments,
    Long version) {

  static final String COPY_FROM = "copyFrom";

  IntegrationDraft toDraft() {
    return new IntegrationDraft(
        name,
        description,
        domainVertical,
        type,
        scope,
        configMode,
        authScheme,
        status,
        openApiSpecUrl,
        config,
        environmentDrafts(),
        version);
  }

  /** Environment names are checked here because the domain only ever sees valid ones. */
  private Map<Environment, EnvironmentConfigDraft> environmentDrafts() {
    if (environments == null) {
      return null;
    }
    ValidationException.Collector errors = new ValidationException.Collector();
    Map<Environment, EnvironmentConfigDraft> drafts = new EnumMap<>(Environment.class);
    environments.forEach(
        (name, body) -> {
          String field = "environments." + name;
          Environment environment = Environment.parse(name).orElse(null);
          if (environment == null) {
            errors.add(
                field,
                "is not an environment; use one of " + Arrays.toString(Environment.values()));
            return;
          }
          Map<String, Object> values = new LinkedHashMap<>(body == null ? Map.of() : body);
          Object copyFrom = values.remove(COPY_FROM);
          Environment source = null;
          if (copyFrom != null) {
            source = copyFrom instanceof String s ? Environment.parse(s).orElse(null) : null;
            if (source == null) {
              errors.add(
                  field + "." + COPY_FROM,
                  "must be one of " + Arrays.toString(Environment.values()));
              return;
            }
          }
          drafts.put(environment, new EnvironmentConfigDraft(source, values));
        });
    errors.throwIfAny();
    return drafts;
  }
}
