package dev.flowconnections.templates.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.templates.FixtureWorkers;
import dev.flowconnections.templates.node.TemplateInput.Kind;
import io.camunda.connector.api.annotation.OutboundConnector;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a descriptor derives from the request record, and the descriptors it refuses. */
@Tag("fast")
class WorkerDescriptorsTest {

  @Test
  void everyNodeOfAWorkerSharesItsJobTypeConnectionTypeAndInputs() {
    List<Node> nodes = WorkerDescriptors.nodesOf(FixtureWorkers.ParcelApi.class);

    assertThat(nodes)
        .extracting(Node::templateId)
        .containsExactly(FixtureWorkers.REST, FixtureWorkers.REST_TOOL);
    assertThat(nodes).extracting(Node::jobType).containsOnly("fixture:parcel:1");
    assertThat(nodes).extracting(Node::integrationType).containsOnly(IntegrationType.REST_API);
    assertThat(nodes.get(0).inputs()).isEqualTo(nodes.get(1).inputs());
    assertThat(nodes.get(0).groups())
        .extracting(Node.Group::label)
        .containsExactly("HTTP request", "Timeouts");
  }

  @Test
  void inputsFollowTheRecordInOrderWithoutTheConnection() {
    assertThat(input(FixtureWorkers.ParcelApi.class, null)).isNull();
    assertThat(WorkerDescriptors.nodesOf(FixtureWorkers.ParcelApi.class).get(0).inputs())
        .extracting(TemplateInput::name)
        .containsExactly("method", "path", "headers", "body", "timeoutInSeconds");
  }

  @Test
  void kindsRequirednessFeelAndDefaultsComeFromTheComponentsTypesAndConstraints() {
    TemplateInput method = input(FixtureWorkers.ParcelApi.class, "method");
    assertThat(method.kind()).isEqualTo(Kind.DROPDOWN);
    assertThat(method.choices()).containsExactly("GET", "POST");
    assertThat(method.optional()).isFalse();
    assertThat(method.feel()).isNull();

    TemplateInput path = input(FixtureWorkers.ParcelApi.class, "path");
    assertThat(path.optional()).as("required = true although the record allows null").isFalse();
    assertThat(path.feel()).isEqualTo("optional");

    assertThat(input(FixtureWorkers.ParcelApi.class, "headers").feel())
        .as("a map must be FEEL")
        .isEqualTo("required");
    assertThat(input(FixtureWorkers.ParcelApi.class, "headers").optional()).isTrue();
    assertThat(input(FixtureWorkers.ParcelApi.class, "body").kind()).isEqualTo(Kind.TEXT);
    assertThat(input(FixtureWorkers.ParcelApi.class, "body").showWhen())
        .isEqualTo(new TemplateInput.Condition("method", List.of("POST")));

    TemplateInput timeout = input(FixtureWorkers.ParcelApi.class, "timeoutInSeconds");
    assertThat(timeout.kind()).isEqualTo(Kind.NUMBER);
    assertThat(timeout.defaultValue()).isEqualTo(20);
    assertThat(timeout.description()).as("{min} and {max} from @Min and @Max").isEqualTo("1 to 60");

    TemplateInput transaction = input(FixtureWorkers.Ledger.class, "transaction");
    assertThat(transaction.kind()).isEqualTo(Kind.BOOLEAN);
    assertThat(transaction.defaultValue()).isEqualTo(false);
    assertThat(input(FixtureWorkers.Ledger.class, "statement").optional())
        .as("@NotBlank")
        .isFalse();
  }

  @Test
  void aConnectionPickerOffersConnectionsOfItsType() {
    TemplateInput tools = input(FixtureWorkers.Advisor.class, "toolServer");

    assertThat(tools.connectionsOf()).isEqualTo(IntegrationType.MCP);
    assertThat(tools.kind()).isEqualTo(Kind.DROPDOWN);
    assertThat(tools.description()).isEqualTo("An MCP connection, or None");
  }

  @Test
  void theCatalogOrdersNodesByTheGuidesTypeTable() {
    assertThat(FixtureWorkers.CATALOG.all())
        .extracting(Node::templateId)
        .containsExactly(
            FixtureWorkers.REST, FixtureWorkers.REST_TOOL, FixtureWorkers.SQL, FixtureWorkers.AI);
  }

  @Test
  void aComponentTheRuntimeWouldNotFetchIsRefused() {
    assertThatThrownBy(() -> WorkerDescriptors.nodesOf(Unfetched.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Unfetched")
        .hasMessageContaining(
            "inputVariables [connection] must name exactly the request record's components [connection, note]");
  }

  @Test
  void aComponentWithoutTemplatePropertyIsRefused() {
    assertThatThrownBy(() -> WorkerDescriptors.nodesOf(Undescribed.class))
        .hasMessageContaining("NoteRequest.note has no @TemplateProperty");
  }

  @Test
  void anUndeclaredGroupIsRefused() {
    assertThatThrownBy(() -> WorkerDescriptors.nodesOf(Ungrouped.class))
        .hasMessageContaining("groups [other] must be exactly those its properties use [note]");
  }

  @Test
  void aLimitTheRecordDoesNotHaveIsRefused() {
    assertThatThrownBy(() -> WorkerDescriptors.nodesOf(Unlimited.class))
        .hasMessageContaining("names {max}");
  }

  @Test
  void twoWorkersDeclaringTheSameNodeAreRefused() {
    assertThatThrownBy(
            () -> NodeCatalog.of(List.of(FixtureWorkers.Ledger.class, FixtureWorkers.Ledger.class)))
        .hasMessageContaining("same node template id");
  }

  private static TemplateInput input(Class<?> worker, String name) {
    return WorkerDescriptors.nodesOf(worker).get(0).inputs().stream()
        .filter(input -> input.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  record NoteRequest(@NotBlank String connection, String note) {}

  record DescribedNoteRequest(
      @NotBlank String connection, @TemplateProperty(label = "Note", group = "note") String note) {}

  record LimitedNoteRequest(
      @NotBlank String connection,
      @TemplateProperty(label = "Note", group = "note", description = "at most {max}")
          String note) {}

  @OutboundConnector(name = "unfetched", inputVariables = "connection", type = "t:unfetched")
  @WorkerDescriptor(
      request = DescribedNoteRequest.class,
      connectionType = IntegrationType.REST_API,
      groups = @TemplateGroup(id = "note", label = "Note"),
      nodes = @NodeTemplate(id = "u", label = "U", description = "U"))
  static class Unfetched {}

  @OutboundConnector(
      name = "undescribed",
      inputVariables = {"connection", "note"},
      type = "t:undescribed")
  @WorkerDescriptor(
      request = NoteRequest.class,
      connectionType = IntegrationType.REST_API,
      groups = @TemplateGroup(id = "note", label = "Note"),
      nodes = @NodeTemplate(id = "u", label = "U", description = "U"))
  static class Undescribed {}

  @OutboundConnector(
      name = "ungrouped",
      inputVariables = {"connection", "note"},
      type = "t:ungrouped")
  @WorkerDescriptor(
      request = DescribedNoteRequest.class,
      connectionType = IntegrationType.REST_API,
      groups = @TemplateGroup(id = "other", label = "Other"),
      nodes = @NodeTemplate(id = "u", label = "U", description = "U"))
  static class Ungrouped {}

  @OutboundConnector(
      name = "unlimited",
      inputVariables = {"connection", "note"},
      type = "t:unlimited")
  @WorkerDescriptor(
      request = LimitedNoteRequest.class,
      connectionType = IntegrationType.REST_API,
      groups = @TemplateGroup(id = "note", label = "Note"),
      nodes = @NodeTemplate(id = "u", label = "U", description = "U"))
  static class Unlimited {}
}
