package dev.flowconnections.fields;

import java.util.List;

/**
 * One input of an integration's configuration or of a connection's credentials, as UIs and element
 * templates render it. {@code options} lists the allowed values of an ENUM field.
 */
public record FieldDefinition(
    String name,
    String label,
    FieldType type,
    boolean required,
    List<String> options,
    String defaultValue,
    String description) {

  public FieldDefinition {
    options = options == null ? List.of() : List.copyOf(options);
  }

  public boolean secret() {
    return type.isSecret();
  }

  static FieldDefinition required(String name, String label, FieldType type, String description) {
    return new FieldDefinition(name, label, type, true, List.of(), null, description);
  }

  static FieldDefinition optional(String name, String label, FieldType type, String description) {
    return new FieldDefinition(name, label, type, false, List.of(), null, description);
  }

  static FieldDefinition choice(
      String name, String label, boolean required, List<String> options, String defaultValue) {
    return new FieldDefinition(name, label, FieldType.ENUM, required, options, defaultValue, null);
  }
}
