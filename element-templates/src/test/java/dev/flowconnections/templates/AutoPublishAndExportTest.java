package dev.flowconnections.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.testsupport.IntegrationDrafts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@Import(FixtureWorkers.class)
class AutoPublishAndExportTest extends OwnOrganizationTest {

  static final Path EXPORT_DIR = tempDir();

  @DynamicPropertySource
  static void templates(DynamicPropertyRegistry registry) {
    // flow-connections.templates.auto-publish is not set: it is on by default
    registry.add("flow-connections.templates.auto-publish-delay", () -> "300ms");
    registry.add("flow-connections.templates.export-dir", EXPORT_DIR::toString);
  }

  @Autowired TemplatePublisher publisher;
  @Autowired ObjectMapper json;

  @Test
  void aBurstOfChangesIsPublishedOnceAndExportedForDesktopModeler() throws Exception {
    publisher.publish(orgAdmin);
    Integration integration =
        integrations.create(
            orgAdmin,
            IntegrationDrafts.ofType(
                unique("Shop"),
                IntegrationType.REST_API,
                AuthScheme.BEARER,
                Map.of("baseUrl", "https://shop.example.com")));
    connections.create(
        orgAdmin,
        new ConnectionDraft(integration.id(), "Shop A", null, Visibility.ORGANIZATION, null));
    connections.create(
        orgAdmin,
        new ConnectionDraft(integration.id(), "Shop B", null, Visibility.ORGANIZATION, null));

    Path exported = EXPORT_DIR.resolve(org).resolve(FixtureWorkers.REST + ".json");
    JsonNode template = awaitVersion(exported, 2);

    assertThat(
            ElementTemplateGeneratorTest.property(template, "zeebe:input", "connection")
                .get("choices")
                .findValuesAsText("value"))
        .containsExactly("shop-a", "shop-b");
    Thread.sleep(1000); // nothing else is pending: the burst made exactly one new version
    assertThat(json.readTree(exported.toFile()).get("version").asInt()).isEqualTo(2);
    assertThat(Files.exists(EXPORT_DIR.resolve(org).resolve(FixtureWorkers.SQL + ".json")))
        .isTrue();
  }

  private JsonNode awaitVersion(Path file, int version) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(file)) {
        JsonNode template = json.readTree(file.toFile());
        if (template.get("version").asInt() >= version) {
          return template;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no version " + version + " of " + file + " within 10 s");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("fc-templates");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
