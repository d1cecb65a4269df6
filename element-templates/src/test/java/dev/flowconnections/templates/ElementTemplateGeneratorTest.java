package dev.flowconnections.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.templates.node.Node;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("fast")
class ElementTemplateGeneratorTest {

  private static final ElementTemplateSchema SCHEMA = new ElementTemplateSchema();
  private final ObjectMapper json = new ObjectMapper();
  private final ElementTemplateGenerator generator = new ElementTemplateGenerator(json);

  private static final List<ConnectionChoice> CHOICES =
      List.of(
          new ConnectionChoice("sales-crm", "Sales CRM", false),
          new ConnectionChoice("my-sandbox", "My sandbox", true));

  static List<Node> nodes() {
    return FixtureWorkers.CATALOG.all();
  }

  @ParameterizedTest
  @MethodSource("nodes")
  void everyNodeTemplateValidatesAgainstTheOfficialSchema(Node node) {
    assertThat(SCHEMA.validate(generator.generate(node, CHOICES, 3))).isEmpty();
    assertThat(SCHEMA.validate(generator.generate(node, List.of(), 1))).isEmpty();
  }

  @Test
  void theSchemaRejectsAnInvalidTemplate() {
    ObjectNode template = generator.generate(FixtureWorkers.node(FixtureWorkers.REST), CHOICES, 1);
    ((ObjectNode) template.get("properties").get(1)).remove("binding");
    template.put("version", "one");

    assertThat(SCHEMA.validate(template)).isNotEmpty();
  }

  @Test
  void bindsTheWorkerJobTypeAndOffersTheConnectionsByKey() {
    JsonNode template = generator.generate(FixtureWorkers.node(FixtureWorkers.REST), CHOICES, 7);

    assertThat(template.get("id").asText()).isEqualTo(FixtureWorkers.REST);
    assertThat(template.get("version").asInt()).isEqualTo(7);
    assertThat(property(template, "zeebe:taskDefinition", "type").get("value").asText())
        .isEqualTo("fixture:parcel:1");
    JsonNode connection = property(template, "zeebe:input", "connection");
    assertThat(connection.get("type").asText()).isEqualTo("Dropdown");
    assertThat(connection.get("choices").findValuesAsText("value"))
        .containsExactly("sales-crm", "my-sandbox");
    assertThat(connection.get("choices").findValuesAsText("name"))
        .containsExactly("Sales CRM (sales-crm)", "My sandbox (my-sandbox) · personal");
    assertThat(
            property(template, "zeebe:taskHeader", "elementTemplateVersion").get("value").asText())
        .isEqualTo("7");
  }

  @Test
  void theSameInputGivesTheSameTemplate() {
    Node ledger = FixtureWorkers.node(FixtureWorkers.SQL);
    assertThat(generator.generate(ledger, CHOICES, 2))
        .isEqualTo(generator.generate(ledger, List.copyOf(CHOICES).reversed(), 2));
  }

  @Test
  void anEmptyDropdownTellsTheModelerWhatToDo() {
    JsonNode connection =
        property(
            generator.generate(FixtureWorkers.node(FixtureWorkers.AI), List.of(), 1),
            "zeebe:input",
            "connection");

    assertThat(connection.get("choices")).hasSize(1);
    assertThat(connection.get("choices").get(0).get("name").asText())
        .contains("No AI Provider connection yet");
  }

  static JsonNode property(JsonNode template, String bindingType, String name) {
    return StreamSupport.stream(template.get("properties").spliterator(), false)
        .filter(p -> p.get("binding").get("type").asText().equals(bindingType))
        .filter(
            p ->
                name.equals(p.get("binding").path("name").asText(null))
                    || name.equals(p.get("binding").path("key").asText(null))
                    || name.equals(p.get("binding").path("property").asText(null)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no property bound to " + bindingType + " " + name));
  }
}
