package dev.flowconnections.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.ConnectionChoice;
import dev.flowconnections.templates.ElementTemplateGenerator;
import dev.flowconnections.templates.ElementTemplateSchema;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.templates.node.NodeCatalog;
import dev.flowconnections.templates.node.WorkerDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The templates of the runtime's workers, derived from their descriptors: every worker of the code
 * base is found here without being listed, and what Modeler gets stays what it got before.
 */
@Tag("fast")
class WorkerTemplatesTest {

  static final NodeCatalog NODES = NodeCatalog.of(workers());

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ElementTemplateGenerator generator = new ElementTemplateGenerator(JSON);

  static List<Node> nodes() {
    return NODES.all();
  }

  @Test
  void everyNodeOfTheGuidesTypeTableHasAWorker() {
    assertThat(NODES.all())
        .extracting(Node::templateId)
        .containsExactly(
            "io.flowconnections.rest-api",
            "io.flowconnections.rest-api-tool",
            "io.flowconnections.sql",
            "io.flowconnections.sql-tool",
            "io.flowconnections.send-email",
            "io.flowconnections.email-tool",
            "io.flowconnections.send-sms",
            "io.flowconnections.ai-agent-subprocess",
            "io.flowconnections.ai-agent",
            "io.flowconnections.voice-call",
            "io.flowconnections.mcp-tool",
            "io.flowconnections.file-manager",
            "io.flowconnections.file-manager-tool");
  }

  @Test
  void eachJobTypeIsServedByOneWorker() {
    Map<String, List<IntegrationType>> typesByJob =
        NODES.all().stream()
            .collect(
                Collectors.groupingBy(
                    Node::jobType, Collectors.mapping(Node::integrationType, Collectors.toList())));
    assertThat(typesByJob).hasSize(9);
    assertThat(typesByJob.values())
        .allSatisfy(types -> assertThat(types).containsOnly(types.get(0)));
  }

  /**
   * A template's bytes decide its published version (content hash), so a change here gives every
   * organization a new version: update the file only for an intended change of the template.
   */
  @ParameterizedTest
  @MethodSource("nodes")
  void aTemplateIsExactlyThePublishedOne(Node node) throws IOException {
    Map<IntegrationType, List<ConnectionChoice>> offered = new HashMap<>();
    offered.put(
        IntegrationType.MCP, List.of(new ConnectionChoice("tool-server", "Tool server", false)));
    offered.put(
        IntegrationType.SMS, List.of(new ConnectionChoice("ops-twilio", "Ops Twilio", false)));
    offered.put(
        node.integrationType(),
        List.of(
            new ConnectionChoice("sales-crm", "Sales CRM", false),
            new ConnectionChoice("my-sandbox", "My sandbox", true)));

    String offering = pretty(generator.generate(node, offered, 3));
    assertThat(offering).isEqualTo(expected(node.id() + ".json", offering));
    String empty = pretty(generator.generate(node, Map.of(), 1));
    assertThat(empty).isEqualTo(expected(node.id() + "-no-connections.json", empty));
  }

  @ParameterizedTest
  @MethodSource("nodes")
  void aTemplateValidatesAgainstTheOfficialSchema(Node node) {
    ElementTemplateSchema schema = new ElementTemplateSchema();
    List<ConnectionChoice> choices = List.of(new ConnectionChoice("sales-crm", "Sales CRM", false));

    assertThat(schema.validate(generator.generate(node, choices, 3))).isEmpty();
    assertThat(schema.validate(generator.generate(node, List.of(), 1))).isEmpty();
  }

  /**
   * The classes of this runtime that describe a worker, as the application context registers them.
   */
  static List<Class<?>> workers() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(WorkerDescriptor.class));
    Collection<String> names =
        scanner.findCandidateComponents("dev.flowconnections.runtime").stream()
            .map(definition -> definition.getBeanClassName())
            .toList();
    return names.stream().<Class<?>>map(name -> ClassUtils.resolveClassName(name, null)).toList();
  }

  private static String pretty(Object template) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template) + "\n";
  }

  /**
   * The expected file; with {@code -DupdateTemplates=true} it is first rewritten with the {@code
   * actual} template, for an intended change (review the diff before committing).
   */
  private static String expected(String file, String actual) throws IOException {
    if (Boolean.getBoolean("updateTemplates")) {
      Files.writeString(
          Path.of("src/test/resources/element-templates", file), actual, StandardCharsets.UTF_8);
      return actual;
    }
    try (InputStream in =
        WorkerTemplatesTest.class.getResourceAsStream("/element-templates/" + file)) {
      assertThat(in).as("expected template " + file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
