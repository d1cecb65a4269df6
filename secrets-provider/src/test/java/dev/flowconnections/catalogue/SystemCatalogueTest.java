package dev.flowconnections.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.LifecycleStatus;
import dev.flowconnections.testsupport.DatabaseTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped catalogue: every entry passes IntegrationService's validation as it is. */
class SystemCatalogueTest extends DatabaseTest {

  private static final SystemCatalogue CATALOGUE = SystemCatalogue.load(new ObjectMapper());

  static List<CatalogueEntry> entries() {
    return CATALOGUE.entries();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void validatesAgainstTheFieldCatalog(CatalogueEntry entry) {
    Actor root = new Actor("root", "catalogue-" + UUID.randomUUID(), Set.of(Role.SUPER_ADMIN));

    Integration created = integrations.create(root, entry.draft(null));

    assertThat(created.name()).isEqualTo(entry.name());
    assertThat(created.domainVertical()).isIn(Verticals.SUGGESTED);
    assertThat(created.description()).isNotBlank();
    // a DRAFT entry names a placeholder an admin must replace before anyone connects
    if (created.status() == LifecycleStatus.DRAFT) {
      assertThat(created.config().shared().toString()).contains("example");
    } else {
      assertThat(created.config().shared().toString()).doesNotContain("example");
    }
  }

  @Test
  void shipsTheProvidersOfTheGuide() {
    assertThat(CATALOGUE.entries())
        .extracting(CatalogueEntry::key)
        .contains(
            "openai",
            "anthropic",
            "google-gemini",
            "ollama",
            "hugging-face",
            "twilio",
            "aws-sns",
            "sendgrid",
            "smtp",
            "gmail-smtp",
            "outlook-smtp",
            "postgresql",
            "mysql-mariadb",
            "sql-server",
            "oracle",
            "sqlite",
            "amazon-s3",
            "google-drive",
            "onedrive",
            "box",
            "mcp-http");
    assertThat(CATALOGUE.entries())
        .extracting(CatalogueEntry::type)
        .containsAll(
            List.of(
                IntegrationType.AI_PROVIDER,
                IntegrationType.SMS,
                IntegrationType.EMAIL,
                IntegrationType.DATABASE,
                IntegrationType.STORAGE,
                IntegrationType.MCP));
  }

  @Test
  void refusesDuplicateKeysAndVerticalsOutsideTheVocabulary() {
    CatalogueEntry entry =
        new CatalogueEntry(
            "alpha",
            1,
            "Alpha",
            "d",
            "AI",
            IntegrationType.REST_API,
            AuthScheme.NONE,
            LifecycleStatus.ACTIVE,
            Map.of("baseUrl", "https://a.example.com"));
    assertThatThrownBy(() -> new SystemCatalogue(List.of(entry, entry)))
        .hasMessageContaining("appears twice");
    CatalogueEntry odd =
        new CatalogueEntry(
            "beta",
            1,
            "Beta",
            "d",
            "Gardening",
            IntegrationType.REST_API,
            AuthScheme.NONE,
            LifecycleStatus.ACTIVE,
            Map.of());
    assertThatThrownBy(() -> new SystemCatalogue(List.of(odd))).hasMessageContaining("vertical");
  }
}
