package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON schema a task wants the answer in: checked when the task starts (so a broken schema is
 * an incident before anything is sent), and used to validate the model's answer. Only local
 * references ({@code #/...}) are allowed: a schema comes from a process and must not make the
 * runtime fetch URLs.
 */
final class OutputSchema {

  /** The answer did not match: the job's retries ask the model again, then it is an incident. */
  static final String INVALID_OUTPUT = "INVALID_STRUCTURED_OUTPUT";

  private static final int MAX_REPORTED_VIOLATIONS = 5;
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private final JsonNode schema;
  private final JsonSchema validator;
  private final ObjectMapper json;

  private OutputSchema(JsonNode schema, JsonSchema validator, ObjectMapper json) {
    this.schema = schema;
    this.validator = validator;
    this.json = json;
  }

  /**
   * @param value the task's {@code outputSchema}: a JSON text or a FEEL context; null or blank for
   *     none
   * @return null when the task wants free text
   */
  static OutputSchema parse(Object value, ObjectMapper json) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    JsonNode schema;
    try {
      schema = value instanceof String s ? json.readTree(s) : json.valueToTree(value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw invalid("is not JSON");
    }
    if (!schema.isObject()) {
      throw invalid(
          "must be a JSON schema object such as {\"type\": \"object\", \"properties\": {...}}");
    }
    rejectRemoteReferences(schema);
    ObjectNode compiled = schema.deepCopy();
    compiled.remove(
        "$schema"); // validated as 2020-12; the drafts differ in nothing an answer schema needs
    try {
      JsonSchema validator = FACTORY.getSchema(compiled);
      validator.initializeValidators();
      return new OutputSchema(schema, validator, json);
    } catch (RuntimeException e) {
      throw invalid("is not a valid JSON schema: " + e.getMessage());
    }
  }

  JsonNode schema() {
    return schema;
  }

  /**
   * The answer as a value (maps, lists, scalars) when it is JSON matching the schema; else a coded
   * failure saying what did not match.
   */
  Object validate(String answer, SecretMasker masker) {
    JsonNode value;
    try {
      value = json.readTree(withoutCodeFence(answer));
    } catch (JsonProcessingException e) {
      throw new ConnectorException(
          INVALID_OUTPUT, masker.mask("the model's answer is not JSON: " + abbreviate(answer)));
    }
    if (value == null || value.isMissingNode()) {
      throw new ConnectorException(
          INVALID_OUTPUT, "the model's answer is empty, not JSON matching outputSchema");
    }
    Set<ValidationMessage> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      String listed =
          violations.stream()
              .map(ValidationMessage::getMessage)
              .sorted()
              .limit(MAX_REPORTED_VIOLATIONS)
              .collect(Collectors.joining("; "));
      throw new ConnectorException(
          INVALID_OUTPUT, masker.mask("the model's answer does not match outputSchema: " + listed));
    }
    return json.convertValue(value, Object.class);
  }

  /** Models asked for JSON in a prompt often wrap it in a Markdown fence anyway. */
  static String withoutCodeFence(String answer) {
    String text = answer == null ? "" : answer.strip();
    if (text.startsWith("```")) {
      int firstLineEnd = text.indexOf('\n');
      int closing = text.lastIndexOf("```");
      if (firstLineEnd > 0 && closing > firstLineEnd) {
        return text.substring(firstLineEnd + 1, closing).strip();
      }
    }
    return text;
  }

  private static void rejectRemoteReferences(JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field :
          (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        if (List.of("$ref", "$dynamicRef", "$recursiveRef").contains(field.getKey())
            && !field.getValue().asText().startsWith("#")) {
          throw invalid(
              "may only reference its own definitions ("
                  + field.getKey()
                  + " starting with #), not "
                  + field.getValue().asText());
        }
        rejectRemoteReferences(field.getValue());
      }
    } else if (node.isArray()) {
      node.forEach(OutputSchema::rejectRemoteReferences);
    }
  }

  private static ConnectorInputException invalid(String problem) {
    return new ConnectorInputException("outputSchema: " + problem);
  }

  private static String abbreviate(String text) {
    String value = text == null ? "" : text.strip();
    return value.length() <= 200 ? value : value.substring(0, 200) + "…";
  }
}
