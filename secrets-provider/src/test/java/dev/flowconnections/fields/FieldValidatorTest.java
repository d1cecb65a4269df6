package dev.flowconnections.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.errors.FieldError;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the API does with each field value, without a database: the rules of {@link FieldValidator}.
 */
@Tag("fast")
class FieldValidatorTest {

  private static final List<FieldDefinition> FIELDS =
      List.of(
          new FieldDefinition("baseUrl", "Base URL", FieldType.URL, true, List.of(), null, null),
          new FieldDefinition("port", "Port", FieldType.NUMBER, false, List.of(), null, null),
          new FieldDefinition("tls", "TLS", FieldType.BOOLEAN, false, List.of(), null, null),
          new FieldDefinition(
              "location",
              "Location",
              FieldType.ENUM,
              true,
              List.of("HEADER", "QUERY"),
              "HEADER",
              null),
          new FieldDefinition(
              "password", "Password", FieldType.SECRET, true, List.of(), null, null),
          new FieldDefinition(
              "headers", "Headers", FieldType.SECRET_KEY_VALUE, false, List.of(), null, null));

  @Test
  void valuesAreNormalisedToTheirType() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("baseUrl", "  https://api.example.com/v1 ");
    values.put("port", " 8443 ");
    values.put("tls", "TRUE");
    values.put("location", "query");
    values.put("password", " keeps its spaces ");

    assertThat(normalize(values))
        .containsExactly(
            Map.entry("baseUrl", "https://api.example.com/v1"),
            Map.entry("port", 8443L),
            Map.entry("tls", true),
            Map.entry("location", "QUERY"),
            Map.entry("password", " keeps its spaces "));
  }

  @Test
  void everyBadValueIsNamedWithItsPath() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("baseUrl", "ftp://files.example.com");
    values.put("port", "eighty");
    values.put("tls", "yes");
    values.put("location", "BODY");
    values.put("headers", Map.of("Bad Header", "x"));
    values.put("colour", "blue");

    assertThatThrownBy(() -> normalize(values))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "fields.baseUrl",
                        "fields.port",
                        "fields.tls",
                        "fields.location",
                        "fields.headers.Bad Header",
                        "fields.colour"));
  }

  @Test
  void aSecretReferenceIsAcceptedWhereAUrlIsExpected() {
    assertThat(normalize(Map.of("baseUrl", "@@SECRET:API_BASE@@")))
        .containsEntry("baseUrl", "@@SECRET:API_BASE@@");
  }

  @Test
  void blankMeansAbsentAndDefaultsFillOnlyTheAbsent() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("baseUrl", "https://api.example.com");
    values.put("location", "   ");

    Map<String, Object> normalized = normalize(values);
    assertThat(normalized).containsEntry("location", null);
    assertThat(FieldValidator.withDefaults(FIELDS, normalized))
        .containsEntry("location", "HEADER")
        .containsEntry("baseUrl", "https://api.example.com");
    assertThat(FieldValidator.presentNames(Map.of("a", "x", "b", " ", "c", Map.of())))
        .containsExactly("a");
  }

  @Test
  void requiredFieldsMayDependOnTheIntegrationsSettings() {
    List<FieldDefinition> oauth2 =
        FieldCatalog.schemaFor(IntegrationType.REST_API, AuthScheme.OAUTH2).integrationFields();

    assertThat(
            FieldValidator.missing(
                oauth2, Set.of("tokenEndpoint"), Map.of("grantType", "CLIENT_CREDENTIALS")))
        .doesNotContain("authorizationEndpoint");
    assertThat(
            FieldValidator.missing(
                oauth2, Set.of("tokenEndpoint"), Map.of("grantType", "AUTHORIZATION_CODE")))
        .contains("authorizationEndpoint");
  }

  private static Map<String, Object> normalize(Map<String, ?> values) {
    ValidationException.Collector errors = new ValidationException.Collector();
    Map<String, Object> normalized = FieldValidator.normalize(FIELDS, values, "fields.", errors);
    errors.throwIfAny();
    return normalized;
  }
}
