package dev.flowconnections.fields;

import static dev.flowconnections.fields.FieldDefinition.optional;
import static dev.flowconnections.fields.FieldDefinition.required;

import dev.flowconnections.integration.AuthScheme;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** REST API: a base URL; every HTTP auth scheme. */
final class RestApiFields implements TypeFields {

  @Override
  public List<FieldDefinition> integrationFields() {
    return List.of(
        required(
            FieldCatalog.BASE_URL,
            "Base URL",
            FieldType.URL,
            "Paths of REST tasks are relative to it"),
        optional(
            "healthPath",
            "Health check path",
            FieldType.TEXT,
            "Called with GET by \"Test connection\"; without it the base URL gets a HEAD"));
  }

  @Override
  public Set<AuthScheme> authSchemes() {
    return EnumSet.allOf(AuthScheme.class);
  }
}
