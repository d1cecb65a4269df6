package dev.flowconnections.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/**
 * The official element template JSON schema of {@code @camunda/zeebe-element-templates-json-schema}
 * 0.46.0, vendored in this jar so validation needs no network. Publishing refuses a template that
 * does not validate.
 */
public final class ElementTemplateSchema {

  public static final String VERSION = "0.46.0";
  private static final String RESOURCE =
      "classpath:element-templates-schema/zeebe-element-templates-" + VERSION + ".json";

  private static final List<String> ANNOTATIONS =
      List.of("deprecated", "deprecationWarning", "eventDefinition", "$defs", "example");

  private final JsonSchema schema;

  public ElementTemplateSchema() {
    // Camunda's schema uses a few keywords draft-07 does not know; they only annotate.
    JsonMetaSchema metaSchema =
        JsonMetaSchema.builder(JsonMetaSchema.getV7())
            .keywords(ANNOTATIONS.stream().map(AnnotationKeyword::new).toList())
            .build();
    JsonSchemaFactory factory =
        JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
            .metaSchema(metaSchema)
            .defaultMetaSchemaIri(metaSchema.getIri())
            .build();
    this.schema =
        factory.getSchema(SchemaLocation.of(RESOURCE), SchemaValidatorsConfig.builder().build());
  }

  /** Violations as readable lines; empty when the template is valid. */
  public List<String> validate(JsonNode template) {
    return schema.validate(template).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
