package dev.flowconnections.templates;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.node.ConnectionPicker;
import dev.flowconnections.templates.node.Node;
import dev.flowconnections.templates.node.NodeCatalog;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
import dev.flowconnections.templates.node.TemplateProperty;
import dev.flowconnections.templates.node.TemplateProperty.ShownWhen;
import dev.flowconnections.templates.node.TemplateProperty.Type;
import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.connector.api.annotation.OutboundConnector;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workers of a made-up runtime, for the generator and publisher tests of this module: the real
 * workers live in connectors-runtime, which depends on this module. Import this configuration into
 * a Spring test to have their nodes in its {@link NodeCatalog}.
 */
@Configuration(proxyBeanMethods = false)
public class FixtureWorkers {

  public static final String REST = "io.flowconnections.fixture-rest";
  public static final String REST_TOOL = "io.flowconnections.fixture-rest-tool";
  public static final String SQL = "io.flowconnections.fixture-sql";
  public static final String AI = "io.flowconnections.fixture-ai";

  public static final NodeCatalog CATALOG =
      NodeCatalog.of(List.of(ParcelApi.class, Ledger.class, Advisor.class));

  public static Node node(String templateId) {
    return CATALOG.byTemplateId(templateId).orElseThrow();
  }

  @Bean
  ParcelApi fixtureParcelApi() {
    return new ParcelApi();
  }

  @Bean
  Ledger fixtureLedger() {
    return new Ledger();
  }

  @Bean
  Advisor fixtureAdvisor() {
    return new Advisor();
  }

  @OutboundConnector(
      name = "Fixture Parcel API",
      inputVariables = {"connection", "method", "path", "headers", "body", "timeoutInSeconds"},
      type = "fixture:parcel:1")
  @WorkerDescriptor(
      request = ParcelRequest.class,
      connectionType = IntegrationType.REST_API,
      groups = {
        @TemplateGroup(id = "request", label = "HTTP request"),
        @TemplateGroup(id = "timeout", label = "Timeouts")
      },
      nodes = {
        @NodeTemplate(
            id = "fixture-rest",
            label = "Parcel API",
            description = "Call the parcel API"),
        @NodeTemplate(
            id = "fixture-rest-tool",
            label = "Parcel API Tool",
            description = "The parcel API as a tool")
      })
  public static class ParcelApi {}

  public enum Method {
    GET,
    POST
  }

  public record ParcelRequest(
      @NotBlank String connection,
      @TemplateProperty(label = "Method", group = "request", defaultValue = "GET") @NotNull
          Method method,
      @TemplateProperty(
              label = "Path",
              group = "request",
              required = true,
              description = "Below the base URL")
          String path,
      @TemplateProperty(label = "Headers", group = "request") Map<String, String> headers,
      @TemplateProperty(
              label = "Body",
              group = "request",
              type = Type.TEXT,
              shownWhen = @ShownWhen(property = "method", oneOf = "POST"))
          Object body,
      @TemplateProperty(
              label = "Timeout (s)",
              group = "timeout",
              defaultValue = "20",
              description = "{min} to {max}")
          @Min(1)
          @Max(60)
          Integer timeoutInSeconds) {}

  @OutboundConnector(
      name = "Fixture Ledger",
      inputVariables = {"connection", "statement", "transaction"},
      type = "fixture:ledger:1")
  @WorkerDescriptor(
      request = LedgerRequest.class,
      connectionType = IntegrationType.DATABASE,
      groups = @TemplateGroup(id = "query", label = "Query"),
      nodes =
          @NodeTemplate(id = "fixture-sql", label = "Ledger", description = "Book into the ledger"))
  public static class Ledger {}

  public record LedgerRequest(
      @NotBlank String connection,
      @TemplateProperty(label = "Statement", group = "query", type = Type.TEXT) @NotBlank
          String statement,
      @TemplateProperty(label = "All or nothing", group = "query", defaultValue = "false")
          Boolean transaction) {}

  @OutboundConnector(
      name = "Fixture Advisor",
      inputVariables = {"connection", "question", "toolServer"},
      type = "fixture:advisor:1")
  @WorkerDescriptor(
      request = AdvisorRequest.class,
      connectionType = IntegrationType.AI_PROVIDER,
      groups = {
        @TemplateGroup(id = "prompt", label = "Prompt"),
        @TemplateGroup(id = "tools", label = "Tools")
      },
      nodes = @NodeTemplate(id = "fixture-ai", label = "Advisor", description = "Ask the advisor"))
  public static class Advisor {}

  public record AdvisorRequest(
      @NotBlank String connection,
      @TemplateProperty(label = "Question", group = "prompt", type = Type.TEXT) @NotBlank
          String question,
      @TemplateProperty(
              label = "Tool server",
              group = "tools",
              description = "An MCP connection, or None")
          @ConnectionPicker(IntegrationType.MCP)
          String toolServer) {}
}
