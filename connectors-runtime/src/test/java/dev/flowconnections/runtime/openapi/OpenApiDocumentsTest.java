package dev.flowconnections.runtime.openapi;

import static dev.flowconnections.runtime.testsupport.OpenApiFixtures.ORDERS_30_YAML;
import static dev.flowconnections.runtime.testsupport.OpenApiFixtures.PETS_31_JSON;
import static dev.flowconnections.runtime.testsupport.OpenApiFixtures.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.integration.openapi.ApiOperation;
import dev.flowconnections.integration.openapi.ApiParameter;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("fast")
class OpenApiDocumentsTest {

  @Test
  void readsAnOpenApi30YamlDocument() {
    ParsedApiDocument document = OpenApiDocuments.parse(document(ORDERS_30_YAML));

    assertThat(document.title()).isEqualTo("Orders API");
    assertThat(document.specVersion()).isEqualTo("1.4.0");
    assertThat(document.operations())
        .extracting(ApiOperation::operationId)
        .containsExactly("listOrders", "createOrder", "getOrder");
    assertThat(document.withoutOperationId()).isEqualTo(1);
    ApiOperation get = document.operations().get(2);
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.path()).isEqualTo("/orders/{orderId}");
    assertThat(get.label()).isEqualTo("getOrder — One order");
    // declared on the path item, by a local $ref whose schema is a local $ref too
    assertThat(get.pathParameters())
        .containsExactly(new ApiParameter("orderId", "integer", "The order's number", true));
    ApiOperation list = document.operations().get(0);
    assertThat(list.queryParameters())
        .containsExactly(new ApiParameter("limit", "integer", null, false));
    assertThat(list.requestBody()).isFalse();
    assertThat(document.operations().get(1).requestBody()).isTrue();
    assertThat(document.contentHash()).hasSize(64);
  }

  @Test
  void readsAnOpenApi31JsonDocument() {
    ParsedApiDocument document = OpenApiDocuments.parse(document(PETS_31_JSON));

    assertThat(document.title()).isEqualTo("Pets");
    assertThat(document.specVersion()).isEqualTo("2025-01");
    ApiOperation get = document.operations().getFirst();
    assertThat(get.pathParameters())
        .containsExactly(new ApiParameter("pet-id", "string", "Which pet", true));
    assertThat(get.pathParameters().getFirst().inputName()).isEqualTo("pet_id");
  }

  @Test
  void refusesAnInvalidDocumentWithTheParsersMessages() {
    String noInfo = "openapi: 3.0.0\npaths:\n  /x:\n    get:\n      operationId: x\n";

    assertThatThrownBy(() -> OpenApiDocuments.parse(noInfo))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.errors().getFirst().field()).isEqualTo("document");
              assertThat(e.errors().getFirst().message())
                  .startsWith("is not a valid OpenAPI 3 document")
                  .contains("info");
            });
  }

  @Test
  void refusesWhatIsNoOpenApi3Document() {
    for (String text :
        new String[] {"", "not: [yaml", "{\"swagger\": \"2.0\", \"info\": {}}", "just text"}) {
      assertThatThrownBy(() -> OpenApiDocuments.parse(text))
          .as(text)
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.errors().getFirst().field()).isEqualTo("document"));
    }
  }

  @Test
  void refusesRepeatedOperationIdsAndUndeclaredPathParameters() {
    String document =
        """
        openapi: 3.0.0
        info: {title: T, version: '1'}
        paths:
          /a/{id}:
            get: {operationId: same, responses: {'200': {description: ok}}}
          /b:
            get: {operationId: same, responses: {'200': {description: ok}}}
        """;

    assertThatThrownBy(() -> OpenApiDocuments.parse(document))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("operationId is repeated")
        .hasMessageContaining("Declared path parameter id needs to be defined");
  }

  /**
   * Aliases that would expand to billions of nodes: counted on the event stream and refused before
   * swagger-parser expands anything (its own limit, 10 million references, costs seconds of CPU).
   */
  @Test
  @Timeout(30)
  void refusesAYamlAliasBomb() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char previous = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      bomb.append("]\n");
    }
    String document =
        "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-bomb:\n  "
            + bomb.toString().replace("\n", "\n  ");

    assertThatThrownBy(() -> OpenApiDocuments.parse(document))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("once its YAML aliases (*name) are expanded");
  }

  @Test
  void acceptsADocumentThatSharesAFewDefinitionsThroughAliases() {
    String document =
        """
        openapi: 3.0.0
        info: {title: T, version: '1'}
        x-ok: &ok {description: ok}
        paths:
          /a: {get: {operationId: a, responses: {'200': *ok}}}
          /b: {get: {operationId: b, responses: {'200': *ok}}}
        """;

    assertThat(OpenApiDocuments.parse(document).operations()).hasSize(2);
  }

  @Test
  void neverFetchesARemoteReference() {
    try (RecordingHttpServer server = RecordingHttpServer.start()) {
      server.respond(Reply.text(200, "name: id\nin: path\nrequired: true\n"));
      String document =
          """
          openapi: 3.0.0
          info: {title: T, version: '1'}
          paths:
            /things/{id}:
              parameters:
                - $ref: '%s/parameter.yaml'
              get:
                operationId: getThing
                parameters:
                  - name: id
                    in: path
                    required: true
                    schema: {$ref: '%s/schema.json'}
                responses:
                  '200': {$ref: '%s/response.yaml'}
          """
              .formatted(server.baseUrl(), server.baseUrl(), server.baseUrl());

      ParsedApiDocument parsed = OpenApiDocuments.parse(document);

      assertThat(server.requests()).isEmpty();
      assertThat(parsed.operations().getFirst().pathParameters())
          .containsExactly(new ApiParameter("id", "string", null, true));
    }
  }
}
