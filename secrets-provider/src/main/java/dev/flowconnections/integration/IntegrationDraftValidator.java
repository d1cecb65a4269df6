package dev.flowconnections.integration;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.fields.FieldDefinition;
import dev.flowconnections.fields.FieldValidator;
import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.fields.StdioEnvironment;
import dev.flowconnections.integration.IntegrationDraft.EnvironmentConfigDraft;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a submitted draft into a valid {@link IntegrationConfig}, resolving "Copy from...". */
final class IntegrationDraftValidator {

  private IntegrationDraftValidator() {}

  static void requireCreateFields(IntegrationDraft draft, ValidationException.Collector errors) {
    if (draft.name() == null || draft.name().isBlank()) {
      errors.add("name", "is required");
    } else if (draft.name().trim().length() > 200) {
      errors.add("name", "must be at most 200 characters");
    }
    if (draft.type() == null) {
      errors.add("type", "is required; one of " + List.of(IntegrationType.values()));
    }
  }

  static IntegrationConfig validate(
      IntegrationDraft draft,
      IntegrationType type,
      AuthScheme scheme,
      StdioCommands stdioCommands,
      ValidationException.Collector errors) {
    AuthScheme effectiveScheme = scheme == null ? AuthScheme.NONE : scheme;
    if (!FieldCatalog.authSchemesFor(type).contains(effectiveScheme)) {
      errors.add(
          "authScheme",
          type.label() + " integrations support " + FieldCatalog.authSchemesFor(type));
      effectiveScheme = AuthScheme.NONE;
    }
    List<FieldDefinition> fields =
        FieldCatalog.schemaFor(type, effectiveScheme).integrationFields();
    if (draft.openApiSpecUrl() != null
        && !draft.openApiSpecUrl().isBlank()
        && type != IntegrationType.REST_API) {
      errors.add("openApiSpecUrl", "only REST API integrations link an OpenAPI specification");
    }
    ConfigMode mode = draft.configMode() == null ? ConfigMode.SAME_FOR_ALL : draft.configMode();
    if (mode == ConfigMode.SAME_FOR_ALL) {
      if (draft.environments() != null && !draft.environments().isEmpty()) {
        errors.add("environments", "is only used with configMode PER_ENVIRONMENT; use config");
      }
      return IntegrationConfig.sameForAll(
          checked(
              type,
              validValues(fields, draft.config(), "config.", errors),
              "config.",
              stdioCommands,
              errors));
    }
    if (draft.config() != null && !draft.config().isEmpty()) {
      errors.add("config", "is only used with configMode SAME_FOR_ALL; use environments");
    }
    if (draft.environments() == null || draft.environments().isEmpty()) {
      errors.add("environments", "configure at least one environment");
      return IntegrationConfig.perEnvironment(Map.of());
    }
    Map<Environment, Map<String, Object>> resolved = new EnumMap<>(Environment.class);
    for (Environment env : draft.environments().keySet()) {
      Map<String, Object> merged = mergedValues(draft.environments(), env, errors, 0);
      if (merged != null) {
        String path = "environments." + env.name() + ".";
        resolved.put(
            env,
            checked(type, validValues(fields, merged, path, errors), path, stdioCommands, errors));
      }
    }
    return IntegrationConfig.perEnvironment(resolved);
  }

  /** An environment's values laid over a copy of its copyFrom source (which may copy in turn). */
  private static Map<String, Object> mergedValues(
      Map<Environment, EnvironmentConfigDraft> drafts,
      Environment env,
      ValidationException.Collector errors,
      int depth) {
    EnvironmentConfigDraft draft = drafts.get(env);
    String field = "environments." + env.name() + ".copyFrom";
    Map<String, Object> result = new LinkedHashMap<>();
    if (draft == null) {
      return result;
    }
    if (draft.copyFrom() != null) {
      if (depth >= Environment.values().length) {
        errors.add(field, "copies form a cycle");
        return null;
      }
      if (draft.copyFrom() == env || !drafts.containsKey(draft.copyFrom())) {
        errors.add(field, "must name another environment configured in the same request");
        return null;
      }
      Map<String, Object> source = mergedValues(drafts, draft.copyFrom(), errors, depth + 1);
      if (source == null) {
        return null;
      }
      result.putAll(source);
    }
    if (draft.values() != null) {
      result.putAll(draft.values());
    }
    return result;
  }

  /**
   * MCP: a STDIO command must be one the runtime allows; declared variable names must be allowed.
   */
  private static Map<String, Object> checked(
      IntegrationType type,
      Map<String, Object> values,
      String path,
      StdioCommands stdioCommands,
      ValidationException.Collector errors) {
    if (type == IntegrationType.MCP) {
      stdioCommands.check(values, path, errors);
      StdioEnvironment.checkDeclaration(values, path, errors);
    }
    return values;
  }

  private static Map<String, Object> validValues(
      List<FieldDefinition> fields,
      Map<String, Object> values,
      String path,
      ValidationException.Collector errors) {
    Map<String, Object> normalized = FieldValidator.normalize(fields, values, path, errors);
    normalized.values().removeIf(v -> v == null);
    Map<String, Object> withDefaults = FieldValidator.withDefaults(fields, normalized);
    FieldValidator.requirePresent(
        fields, FieldValidator.presentNames(withDefaults), withDefaults, path, errors);
    return withDefaults;
  }
}
