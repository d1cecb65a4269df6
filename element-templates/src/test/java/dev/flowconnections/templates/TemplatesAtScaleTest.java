package dev.flowconnections.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.openapi.ApiOperation;
import dev.flowconnections.integration.openapi.ApiParameter;
import dev.flowconnections.templates.node.Node;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Templates of an organization with 10,000 connections: split per integration above the dropdown
 * threshold, each schema-valid and small; an organization below it gets exactly what it got before.
 */
@Tag("fast")
class TemplatesAtScaleTest {

  private static final ElementTemplateSchema SCHEMA = new ElementTemplateSchema();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX = ElementTemplateGenerator.DEFAULT_MAX_DROPDOWN_CHOICES;

  /**
   * A template's largest acceptable size: Modeler loads every template of a folder at start and Web
   * Modeler stores each as one file; 200 KB is about 200 dropdown entries with a 50-operation
   * document, well above what a usable template holds.
   */
  private static final int MAX_BYTES = 200 * 1024;

  private final ElementTemplateGenerator generator = new ElementTemplateGenerator(JSON);

  private static final List<ApiOperation> OPERATIONS =
      List.of(
          new ApiOperation(
              "getOrder",
              "One order",
              "GET",
              "/orders/{id}",
              List.of(new ApiParameter("id", "string", "The order", true)),
              List.of(),
              false),
          new ApiOperation("createOrder", "Create", "POST", "/orders", List.of(), List.of(), true));

  /**
   * The content hashes of the fixture templates for a small organization, as generated before
   * templates could be split (commit fe09359): an unchanged organization must not get a new
   * version.
   */
  private static final Map<String, String> HASHES_BEFORE_SPLITTING =
      Map.of(
          FixtureWorkers.REST,
          "af72e81f928deb0ecb78a3de4e5bbac133ffcb5d91f71da004328c552f06e51e",
          FixtureWorkers.REST_TOOL,
          "eff3b11976152e8278748900fb5db5decdf488546fd520f41312149bc53058de",
          FixtureWorkers.SQL,
          "666f422728eb11bf0e4aad913fd79d33d94e41606b4ea70680db85980c5813b3",
          FixtureWorkers.AI,
          "324bfb8647626322afc03309fbfb604b00ac6bd589ca9f5111be39baec8e261b");

  @Test
  void aSmallOrganizationGetsExactlyTheTemplatesItGotBefore() throws Exception {
    UUID crm = UUID.randomUUID();
    Map<IntegrationType, List<ConnectionChoice>> small =
        Map.of(
            IntegrationType.REST_API,
            List.of(
                new ConnectionChoice("sales-crm", "Sales CRM", false, List.of(), crm, "CRM"),
                new ConnectionChoice("orders", "Orders", false, OPERATIONS, crm, "CRM"),
                new ConnectionChoice("my-sandbox", "My sandbox", true, List.of(), crm, "CRM")),
            IntegrationType.DATABASE,
            List.of(new ConnectionChoice("ledger", "Ledger", false)),
            IntegrationType.AI_PROVIDER,
            List.of(new ConnectionChoice("openai", "OpenAI", false)),
            IntegrationType.MCP,
            List.of(new ConnectionChoice("tools", "Tools", false)));

    Map<String, String> hashes = new LinkedHashMap<>();
    for (Node node : FixtureWorkers.CATALOG.all()) {
      List<TemplateTarget> targets = generator.targets(node, small);
      assertThat(targets).extracting(TemplateTarget::templateId).containsExactly(node.templateId());
      hashes.put(node.templateId(), sha256(generator.generate(targets.get(0), 3)));
    }

    assertThat(hashes).isEqualTo(HASHES_BEFORE_SPLITTING);
  }

  @Test
  void tenThousandConnectionsOverFiftyIntegrationsStayUsable() {
    Map<IntegrationType, List<ConnectionChoice>> large = tenThousand();
    Node rest = FixtureWorkers.node(FixtureWorkers.REST);

    long cold = System.nanoTime();
    Map<String, ObjectNode> templates = generateAll(large);
    cold = System.nanoTime() - cold;
    long warm = System.nanoTime();
    generateAll(large);
    warm = System.nanoTime() - warm;
    Map<String, Integer> sizes = new LinkedHashMap<>();
    templates.forEach((id, t) -> sizes.put(id, JSON.valueToTree(t).toString().length()));
    int largest = sizes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    long total = sizes.values().stream().mapToLong(Integer::longValue).sum();
    System.out.printf(
        "10,000 connections, 50 integrations: %d templates generated in %d ms (again: %d ms),"
            + " largest %d bytes, total %d bytes (one template per node with a single dropdown:"
            + " %d bytes)%n",
        templates.size(),
        cold / 1_000_000,
        warm / 1_000_000,
        largest,
        total,
        JSON.valueToTree(
                new ElementTemplateGenerator(JSON, Integer.MAX_VALUE)
                    .generate(rest, large.get(IntegrationType.REST_API), 1))
            .toString()
            .length());

    // two REST nodes (task and agent tool): their own templates plus one per integration each
    int restNodes =
        (int)
            FixtureWorkers.CATALOG.all().stream()
                .filter(n -> n.integrationType() == IntegrationType.REST_API)
                .count();
    assertThat(templates)
        .hasSize(FixtureWorkers.CATALOG.all().size() + restNodes * 50)
        .containsKey(TemplateTarget.splitId(rest, integration(0)));
    templates.forEach((id, t) -> assertThat(SCHEMA.validate(t)).as(id).isEmpty());
    assertThat(largest).isLessThan(MAX_BYTES);
    for (ObjectNode t : templates.values()) {
      assertThat(property(t, "connection").path("choices").size()).isLessThanOrEqualTo(MAX);
    }

    // the node's own template takes any key, its operations come with the integration templates
    ObjectNode own = templates.get(rest.templateId());
    assertKeyInput(property(own, "connection"));
    assertThat(property(own, "operation")).isNull();

    // an integration with its 190 connections: a dropdown of only those, operations listed once
    ObjectNode stripe = templates.get(TemplateTarget.splitId(rest, integration(0)));
    assertThat(stripe.get("name").asText()).isEqualTo("Flow Connections: Parcel API · API 0");
    assertThat(stripe.get("category").get("id").asText())
        .isEqualTo("flow-connections-fixture-rest");
    assertThat(property(stripe, "connection").get("choices")).hasSize(190);
    assertThat(property(stripe, "connection").get("choices").findValuesAsText("value"))
        .allMatch(key -> key.startsWith("api-0-"));

    // an integration with 690 connections, more than a dropdown shows: a key input
    ObjectNode crowded = templates.get(TemplateTarget.splitId(rest, integration(49)));
    assertKeyInput(property(crowded, "connection"));
    assertThat(property(crowded, "connection").get("description").asText())
        .contains("API 49", "Connections page");
  }

  @Test
  void aConnectionPickerOfAnotherTypeBecomesAnOptionalKeyInputAboveTheThreshold() {
    Node advisor = FixtureWorkers.node(FixtureWorkers.AI);
    List<ConnectionChoice> servers =
        IntStream.range(0, MAX + 1)
            .mapToObj(n -> new ConnectionChoice("mcp-" + n, "MCP " + n, false))
            .toList();

    ObjectNode template = generator.generate(advisor, Map.of(IntegrationType.MCP, servers), 1);

    JsonNode picker = property(template, "toolServer");
    assertThat(picker.get("type").asText()).isEqualTo("String");
    assertThat(picker.get("optional").asBoolean()).isTrue();
    assertThat(picker.has("choices")).isFalse();
    assertThat(
            Pattern.compile(picker.at("/constraints/pattern/value").asText()).matcher("").matches())
        .isTrue();
    assertThat(SCHEMA.validate(template)).isEmpty();
  }

  @Test
  void theKeyPatternAcceptsEveryKeyFormAndNothingElse() {
    Pattern pattern = Pattern.compile("^" + ElementTemplateGenerator.KEY_PATTERN + "$");
    assertThat(List.of("billing-api", "a", "orders@alice", "orders@_0123456789abcdef"))
        .allMatch(key -> pattern.matcher(key).matches());
    assertThat(List.of("", "Billing", "-x", "x-", "a.b", "orders@", "orders@Alice", "a b"))
        .noneMatch(key -> pattern.matcher(key).matches());
  }

  @Test
  void theSplitTemplateIdSurvivesARenameOfTheIntegration() {
    Node rest = FixtureWorkers.node(FixtureWorkers.REST);
    Map<IntegrationType, List<ConnectionChoice>> before = tenThousand();
    Map<IntegrationType, List<ConnectionChoice>> renamed =
        Map.of(
            IntegrationType.REST_API,
            before.get(IntegrationType.REST_API).stream()
                .map(
                    c ->
                        new ConnectionChoice(
                            c.key(),
                            c.name(),
                            c.personal(),
                            c.operations(),
                            c.integrationId(),
                            "Renamed " + c.integrationName()))
                .toList());

    assertThat(generator.targets(rest, renamed))
        .extracting(TemplateTarget::templateId)
        .isEqualTo(
            generator.targets(rest, before).stream().map(TemplateTarget::templateId).toList());
  }

  private Map<String, ObjectNode> generateAll(
      Map<IntegrationType, List<ConnectionChoice>> offered) {
    Map<String, ObjectNode> templates = new LinkedHashMap<>();
    for (Node node : FixtureWorkers.CATALOG.all()) {
      for (TemplateTarget target : generator.targets(node, offered)) {
        templates.put(target.templateId(), generator.generate(target, 1));
      }
    }
    return templates;
  }

  private static void assertKeyInput(JsonNode property) {
    assertThat(property.get("type").asText()).isEqualTo("String");
    assertThat(property.has("choices")).isFalse();
    assertThat(property.at("/constraints/notEmpty").asBoolean()).isTrue();
    assertThat(property.at("/constraints/pattern/value").asText())
        .isEqualTo("^" + ElementTemplateGenerator.KEY_PATTERN + "$");
  }

  /**
   * 10,000 organization connections of 50 REST integrations: 49 with 190 connections, one with 690;
   * every other integration has an OpenAPI document.
   */
  static Map<IntegrationType, List<ConnectionChoice>> tenThousand() {
    List<ConnectionChoice> choices = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int index = i;
      List<ApiOperation> operations = i % 2 == 0 ? operations(30) : List.of();
      IntStream.range(0, i == 49 ? 690 : 190)
          .forEach(
              n ->
                  choices.add(
                      new ConnectionChoice(
                          "api-" + index + "-" + n,
                          "API " + index + " customer " + n,
                          false,
                          operations,
                          integration(index),
                          "API " + index)));
    }
    assertThat(choices).hasSize(10_000);
    return Map.of(IntegrationType.REST_API, choices);
  }

  private static List<ApiOperation> operations(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            n ->
                new ApiOperation(
                    "operation" + n,
                    "Operation " + n,
                    n % 2 == 0 ? "GET" : "POST",
                    "/things/{id}/part" + n,
                    List.of(new ApiParameter("id", "string", "The thing", true)),
                    List.of(),
                    n % 2 == 1))
        .toList();
  }

  static UUID integration(int index) {
    return UUID.nameUUIDFromBytes(("integration-" + index).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode property(JsonNode template, String input) {
    return StreamSupport.stream(template.get("properties").spliterator(), false)
        .filter(p -> input.equals(p.path("binding").path("name").asText()))
        .findFirst()
        .orElse(null);
  }

  private static String sha256(ObjectNode template) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256")
                .digest(JSON.writeValueAsString(template).getBytes(StandardCharsets.UTF_8)));
  }
}
