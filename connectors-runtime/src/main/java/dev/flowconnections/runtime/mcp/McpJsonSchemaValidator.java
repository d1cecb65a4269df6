package dev.flowconnections.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JSON Schema (2020-12, MCP's default dialect) validation for the SDK, on the json-schema-validator
 * the element templates already use. The SDK's own validator needs a newer major version of that
 * library, which cannot sit beside ours on one classpath, so the SDK gets this one instead.
 */
public final class McpJsonSchemaValidator implements JsonSchemaValidator {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private final ObjectMapper objectMapper;

  public McpJsonSchemaValidator(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    try {
      JsonNode content = objectMapper.valueToTree(structuredContent);
      Set<ValidationMessage> errors = schemaOf(schema).validate(content);
      if (errors.isEmpty()) {
        return ValidationResponse.asValid(objectMapper.writeValueAsString(content));
      }
      return ValidationResponse.asInvalid(
          "does not match the schema: "
              + errors.stream()
                  .map(ValidationMessage::getMessage)
                  .sorted()
                  .collect(Collectors.joining("; ")));
    } catch (Exception e) {
      return ValidationResponse.asInvalid("cannot validate against the schema: " + e.getMessage());
    }
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    try {
      schemaOf(schema);
      return ValidationResponse.asValid(null);
    } catch (RuntimeException e) {
      return ValidationResponse.asInvalid(e.getMessage());
    }
  }

  private JsonSchema schemaOf(Map<String, Object> schema) {
    return FACTORY.getSchema(objectMapper.valueToTree(schema));
  }
}
