package dev.flowconnections.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.openapi.ApiOperation;
import dev.flowconnections.integration.openapi.ApiParameter;
import dev.flowconnections.templates.ConnectionChoice;
import dev.flowconnections.templates.ElementTemplateGenerator;
import dev.flowconnections.templates.ElementTemplateSchema;
import dev.flowconnections.templates.TemplateTarget;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.templates.node.NodeCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The REST nodes for a connection whose integration has an OpenAPI document: an Operation dropdown
 * shown only for such connections, path parameter inputs per operation, Method and Path hidden
 * while an operation is chosen; still valid by the official schema.
 */
@Tag("fast")
class RestOperationTemplateTest {

  private static final NodeCatalog NODES = NodeCatalog.of(List.of(RestFunction.class));
  private static final List<ApiOperation> OPERATIONS =
      List.of(
          new ApiOperation(
              "getOrder",
              "One order",
              "GET",
              "/orders/{order-id}",
              List.of(new ApiParameter("order-id", "integer", "The order's \"number\"", true)),
              List.of(),
              false),
          new ApiOperation("createOrder", "Create", "POST", "/orders", List.of(), List.of(), true));
  private static final List<ConnectionChoice> CONNECTIONS =
      List.of(
          new ConnectionChoice("orders", "Orders", false, OPERATIONS),
          new ConnectionChoice("plain", "Plain", false));

  private final ElementTemplateGenerator generator =
      new ElementTemplateGenerator(new ObjectMapper());

  @Test
  void offersTheOperationsOfConnectionsWithADocumentOnly() {
    ObjectNode template = generator.generate(node("rest-api"), CONNECTIONS, 1);

    JsonNode operation = property(template, "operation");
    assertThat(operation.get("type").asText()).isEqualTo("Dropdown");
    assertThat(operation.at("/binding/name").asText()).isEqualTo("operation");
    assertThat(operation.get("condition").toString())
        .isEqualTo("{\"property\":\"connection\",\"oneOf\":[\"orders\"]}");
    JsonNode choices = operation.get("choices");
    assertThat(choices.get(0).get("value").asText()).isEmpty();
    assertThat(choices.get(1).get("name").asText()).isEqualTo("getOrder — One order");
    assertThat(choices.get(1).get("condition").toString())
        .isEqualTo("{\"property\":\"connection\",\"equals\":\"orders\"}");

    JsonNode parameter = property(template, "pathParameters.orders.getOrder.order_id");
    assertThat(parameter.at("/binding/name").asText()).isEqualTo("pathParameters.order_id");
    assertThat(parameter.get("label").asText()).isEqualTo("order-id");
    assertThat(parameter.at("/constraints/notEmpty").asBoolean()).isTrue();
    assertThat(parameter.get("condition").toString())
        .isEqualTo(
            "{\"allMatch\":[{\"property\":\"connection\",\"equals\":\"orders\"},"
                + "{\"property\":\"operation\",\"equals\":\"getOrder\"}]}");

    String hidden = "{\"property\":\"operation\",\"isEmpty\":true}";
    assertThat(property(template, "method").get("condition").toString()).isEqualTo(hidden);
    assertThat(property(template, "path").get("condition").toString()).isEqualTo(hidden);
    assertThat(property(template, "body.operation").get("condition").toString())
        .isEqualTo("{\"property\":\"operation\",\"oneOf\":[\"createOrder\"]}");
    assertThat(new ElementTemplateSchema().validate(template)).isEmpty();
  }

  @Test
  void theToolAsksTheModelForPathParametersAsTheDocumentDescribesThem() {
    ObjectNode template = generator.generate(node("rest-api-tool"), CONNECTIONS, 1);

    JsonNode parameter = property(template, "pathParameters.orders.getOrder.order_id");
    assertThat(parameter.get("value").asText())
        .isEqualTo("=fromAi(toolCall.order_id, \"The order's 'number'\", \"integer\")");
    assertThat(property(template, "path").get("condition").toString())
        .isEqualTo("{\"property\":\"operation\",\"isEmpty\":true}");
    assertThat(new ElementTemplateSchema().validate(template)).isEmpty();
  }

  @Test
  void withoutDocumentsTheTemplateIsUnchanged() {
    List<ConnectionChoice> plain = List.of(new ConnectionChoice("plain", "Plain", false));
    for (String id : List.of("rest-api", "rest-api-tool")) {
      ObjectNode template = generator.generate(node(id), plain, 1);
      assertThat(ids(template)).doesNotContain("operation");
      assertThat(property(template, "path").has("condition")).isFalse();
    }
  }

  /**
   * Above the dropdown threshold a REST node's template per integration lists the integration's
   * document once, not once per connection: 200 connections with a 50-operation document stay a
   * template of tens of kilobytes (per connection it would be megabytes).
   */
  @Test
  void aTemplatePerIntegrationListsItsOperationsOnceWhateverItsConnections() {
    List<ApiOperation> fifty = new ArrayList<>();
    for (int n = 0; n < 50; n++) {
      fifty.add(
          new ApiOperation(
              "operation" + n,
              "Operation " + n,
              n % 2 == 0 ? "GET" : "POST",
              "/things/{thing-id}/part" + n,
              List.of(new ApiParameter("thing-id", "string", "The thing", true)),
              List.of(),
              n % 2 == 1));
    }
    UUID shop = UUID.randomUUID();
    List<ConnectionChoice> connections = new ArrayList<>();
    for (int n = 0; n < 400; n++) {
      UUID integration = n < 200 ? shop : UUID.randomUUID();
      connections.add(
          new ConnectionChoice(
              "shop-" + n, "Shop " + n, false, fifty, integration, n < 200 ? "Shop" : "Other"));
    }
    for (Node node : NODES.all()) {
      TemplateTarget target =
          generator.targets(node, Map.of(IntegrationType.REST_API, connections)).stream()
              .filter(t -> shop.equals(t.integrationId()))
              .findFirst()
              .orElseThrow();
      ObjectNode template = generator.generate(target, 1);
      int size = template.toString().length();
      System.out.printf("%s for 200 connections, 50 operations: %d bytes%n", node.id(), size);

      assertThat(size).isLessThan(200 * 1024);
      assertThat(property(template, "connection").get("choices")).hasSize(200);
      assertThat(property(template, "operation").get("choices")).hasSize(51);
      assertThat(property(template, "operation").has("condition")).isFalse();
      assertThat(property(template, "pathParameters.operation0.thing_id").get("condition"))
          .hasToString("{\"property\":\"operation\",\"equals\":\"operation0\"}");
      assertThat(new ElementTemplateSchema().validate(template)).isEmpty();
    }
  }

  private static Node node(String id) {
    return NODES.byTemplateId(Node.ID_PREFIX + id).orElseThrow();
  }

  private static List<String> ids(JsonNode template) {
    List<String> ids = new ArrayList<>();
    template.get("properties").forEach(p -> ids.add(p.path("id").asText()));
    return ids;
  }

  private static JsonNode property(JsonNode template, String id) {
    for (JsonNode property : template.get("properties")) {
      if (id.equals(property.path("id").asText())) {
        return property;
      }
    }
    throw new AssertionError("no property " + id + " in " + ids(template));
  }
}
