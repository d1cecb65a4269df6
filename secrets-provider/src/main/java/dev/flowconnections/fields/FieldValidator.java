package dev.flowconnections.fields;

import dev.flowconnections.errors.ValidationException;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks field values against their definitions; errors name the field, never echo a value. */
public final class FieldValidator {

  private FieldValidator() {}

  /**
   * Validates the shape of every given value and returns them normalised (trimmed text, upper-case
   * enum values, numbers as numbers). Unknown names are errors. Blank values stay in the result as
   * {@code null}; callers decide whether blank means "clear" or "keep".
   */
  public static Map<String, Object> normalize(
      List<FieldDefinition> definitions,
      Map<String, ?> values,
      String path,
      ValidationException.Collector errors) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (values == null) {
      return result;
    }
    values.forEach(
        (name, value) -> {
          String field = path + name;
          FieldDefinition definition =
              definitions.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
          if (definition == null) {
            errors.add(
                field,
                "unknown field; allowed: "
                    + definitions.stream().map(FieldDefinition::name).toList());
            return;
          }
          Object normalized = normalizeValue(definition, value, field, errors);
          result.put(name, normalized);
        });
    return result;
  }

  /** Adds default values of absent optional fields (e.g. API key location HEADER). */
  public static Map<String, Object> withDefaults(
      List<FieldDefinition> definitions, Map<String, Object> values) {
    Map<String, Object> result = new LinkedHashMap<>(values);
    for (FieldDefinition d : definitions) {
      if (d.defaultValue() != null && isBlank(result.get(d.name()))) {
        result.put(d.name(), d.defaultValue());
      }
    }
    return result;
  }

  /**
   * Every field required given {@code integrationSettings} (see {@link
   * FieldDefinition#requiredGiven}) must be among {@code present}.
   */
  public static void requirePresent(
      List<FieldDefinition> definitions,
      Collection<String> present,
      Map<String, Object> integrationSettings,
      String path,
      ValidationException.Collector errors) {
    for (String name : missing(definitions, present, integrationSettings)) {
      // an invalid value was reported already; "is required" on top would only confuse
      if (!errors.hasErrorFor(path + name)) {
        errors.add(path + name, "is required");
      }
    }
  }

  /** Names of the required fields that are not among {@code present}. */
  public static List<String> missing(
      List<FieldDefinition> definitions,
      Collection<String> present,
      Map<String, Object> integrationSettings) {
    return definitions.stream()
        .filter(d -> d.requiredGiven(integrationSettings) && !present.contains(d.name()))
        .map(FieldDefinition::name)
        .toList();
  }

  /** Names of the non-blank values in {@code values}. */
  public static Set<String> presentNames(Map<String, ?> values) {
    Set<String> names = new java.util.LinkedHashSet<>();
    values.forEach(
        (k, v) -> {
          if (!isBlank(v)) {
            names.add(k);
          }
        });
    return names;
  }

  public static boolean isBlank(Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Map<?, ?> m && m.isEmpty());
  }

  private static Object normalizeValue(
      FieldDefinition d, Object value, String field, ValidationException.Collector errors) {
    if (isBlank(value)) {
      return null;
    }
    switch (d.type()) {
      case KEY_VALUE, SECRET_KEY_VALUE -> {
        if (!(value instanceof Map<?, ?> map)) {
          errors.add(field, "must be an object of names to text values");
          return null;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (var entry : map.entrySet()) {
          String key = String.valueOf(entry.getKey());
          if (key.isBlank() || !(entry.getValue() instanceof String s)) {
            errors.add(field + "." + key, "must be a non-empty name with a text value");
            continue;
          }
          if (!key.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            errors.add(field + "." + key, "is not a valid HTTP header name");
            continue;
          }
          entries.put(key, s);
        }
        return entries;
      }
      case NUMBER -> {
        if (value instanceof Number n) {
          return n;
        }
        try {
          return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
          errors.add(field, "must be a whole number");
          return null;
        }
      }
      case BOOLEAN -> {
        if (value instanceof Boolean b) {
          return b;
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(text);
        }
        errors.add(field, "must be true or false");
        return null;
      }
      default -> {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
          errors.add(field, "must be text");
          return null;
        }
        String text = String.valueOf(value).trim();
        if (d.type() == FieldType.ENUM) {
          String upper = text.toUpperCase(Locale.ROOT);
          if (!d.options().contains(upper)) {
            errors.add(field, "must be one of " + d.options());
            return null;
          }
          return upper;
        }
        if (d.type() == FieldType.URL && !isHttpUrl(text)) {
          errors.add(field, "must be an absolute http or https URL");
          return null;
        }
        return d.type() == FieldType.SECRET ? String.valueOf(value) : text;
      }
    }
  }

  private static boolean isHttpUrl(String text) {
    if (text.contains("@@SECRET:")) {
      return true; // expanded at resolution time
    }
    try {
      URI uri = new URI(text);
      return uri.isAbsolute()
          && uri.getHost() != null
          && ("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()));
    } catch (Exception e) {
      return false;
    }
  }
}
