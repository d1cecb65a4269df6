package dev.flowconnections.runtime.integration;

import dev.flowconnections.fields.FieldDefinition;
import dev.flowconnections.fields.FieldSchema;
import dev.flowconnections.fields.FieldType;
import java.util.List;

/**
 * The fields of an integration, for forms: admins fill {@code integrationFields}, users fill {@code
 * connectionFields} per environment. {@code secret} fields are write-only; a field with {@code
 * requiredWhen} is required while the named integration setting has one of the values.
 */
record FieldSchemaResponse(List<Field> integrationFields, List<Field> connectionFields) {

  record Field(
      String name,
      String label,
      FieldType type,
      boolean required,
      boolean secret,
      List<String> options,
      String defaultValue,
      String description,
      FieldDefinition.RequiredWhen requiredWhen) {

    static Field of(FieldDefinition d) {
      return new Field(
          d.name(),
          d.label(),
          d.type(),
          d.required(),
          d.secret(),
          d.options(),
          d.defaultValue(),
          d.description(),
          d.requiredWhen());
    }
  }

  static FieldSchemaResponse of(FieldSchema schema) {
    return new FieldSchemaResponse(
        schema.integrationFields().stream().map(Field::of).toList(),
        schema.connectionFields().stream().map(Field::of).toList());
  }
}
