package dev.flowconnections.fields;

import java.util.List;
import java.util.Map;

/**
 * One input of an integration's configuration or of a connection's credentials, as UIs and element
 * templates render it. {@code options} lists the allowed values of an ENUM field; {@code
 * requiredWhen} makes an optional field required for some values of an integration setting (a
 * SendGrid API key only when the provider is SENDGRID).
 */
public record FieldDefinition(
    String name,
    String label,
    FieldType type,
    boolean required,
    List<String> options,
    String defaultValue,
    String description,
    RequiredWhen requiredWhen) {

  public FieldDefinition {
    options = options == null ? List.of() : List.copyOf(options);
  }

  public FieldDefinition(
      String name,
      String label,
      FieldType type,
      boolean required,
      List<String> options,
      String defaultValue,
      String description) {
    this(name, label, type, required, options, defaultValue, description, null);
  }

  public boolean secret() {
    return type.isSecret();
  }

  /** Whether the field must have a value, given the integration settings of the environment. */
  public boolean requiredGiven(Map<String, Object> integrationSettings) {
    return required
        || (requiredWhen != null
            && requiredWhen
                .values()
                .contains(String.valueOf(integrationSettings.get(requiredWhen.setting()))));
  }

  /** Required while the integration setting {@code setting} has one of {@code values}. */
  public record RequiredWhen(String setting, List<String> values) {
    public RequiredWhen {
      values = List.copyOf(values);
    }
  }

  public FieldDefinition requiredWhen(String setting, String... values) {
    return new FieldDefinition(
        name,
        label,
        type,
        false,
        options,
        defaultValue,
        description,
        new RequiredWhen(setting, List.of(values)));
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
