package dev.flowconnections.secretprovider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.api.secret.SecretProvider;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the guard replaces in a job's variables, against a process model; no runtime, no database.
 * The end-to-end attacks run on the in-memory engine ({@code SecretPlaceholderProcessTest}).
 */
@Tag("fast")
class PlaceholderGuardTest {

  private final Map<String, String> secrets =
      new LinkedHashMap<>(Map.of("A", "value-a", "B", "value-b"));
  private final List<String> asked = new ArrayList<>();

  @Test
  void onlyTheSubtreeAtTheTargetPathOfTheMappingIsReplaced() {
    String model =
        model(
            task ->
                task.zeebeInput("{{secrets.A}}", "authentication.token")
                    .zeebeInputExpression("note", "authentication.note"));

    String variables =
        guard(model)
            .variables(
                job(),
                """
        {"authentication": {"token": "{{secrets.A}}", "note": "{{secrets.A}}"}, "other": "{{secrets.A}}"}""",
                new LinkedHashMap<>());

    assertThat(variables)
        .isEqualTo(
            "{\"authentication\":{\"token\":\"value-a\",\"note\":\"{{secrets.A}}\"},\"other\":\"{{secrets.A}}\"}");
  }

  @Test
  void onlyTheNamesTheSourceWritesAreReplacedInIt() {
    String model =
        model(
            task ->
                task.zeebeInputExpression(
                    "{\"X-A\": \"{{secrets.A}}\", \"X-Note\": note}", "headers"));

    String variables =
        guard(model)
            .variables(
                job(),
                """
        {"headers": {"X-A": "{{secrets.A}}", "X-Note": "{{secrets.B}} {{ secrets.A }}"}}""",
                new LinkedHashMap<>());

    assertThat(variables)
        .isEqualTo("{\"headers\":{\"X-A\":\"value-a\",\"X-Note\":\"{{secrets.B}} value-a\"}}");
    assertThat(asked).containsExactly("A");
  }

  @Test
  void aResolvedValueIsNeverScannedForAnotherPlaceholder() {
    secrets.put("A", "{{secrets.B}} and secrets.B");
    String model = model(task -> task.zeebeInput("{{secrets.A}} {{secrets.B}}", "path"));

    String variables =
        guard(model).variables(job(), "{\"path\": \"{{secrets.A}}\"}", new LinkedHashMap<>());

    assertThat(variables).isEqualTo("{\"path\":\"{{secrets.B}} and secrets.B\"}");
    assertThat(asked).containsExactly("A");
  }

  @Test
  void theBareLegacySyntaxCountsOnlyInAStaticValue() {
    String model =
        model(
            task ->
                task.zeebeInput("secrets.A", "staticValue")
                    .zeebeInputExpression("secrets.A", "expression"));

    String variables =
        guard(model)
            .variables(
                job(),
                """
        {"staticValue": "secrets.A", "expression": "secrets.A"}""",
                new LinkedHashMap<>());

    assertThat(variables).isEqualTo("{\"staticValue\":\"value-a\",\"expression\":\"secrets.A\"}");
  }

  @Test
  void fieldNamesOfAModelWrittenMapAreReplacedToo() {
    String model =
        model(task -> task.zeebeInputExpression("{\"{{secrets.A}}\": \"x\"}", "headers"));

    assertThat(
            guard(model)
                .variables(
                    job(), "{\"headers\": {\"{{secrets.A}}\": \"x\"}}", new LinkedHashMap<>()))
        .isEqualTo("{\"headers\":{\"value-a\":\"x\"}}");
  }

  @Test
  void collectsTheValuesItPutInForMasking() {
    Map<String, String> values = new LinkedHashMap<>();
    guard(model(task -> task.zeebeInput("{{secrets.A}}", "path")))
        .variables(job(), "{\"path\": \"{{secrets.A}}\"}", values);

    assertThat(values).containsExactly(Map.entry("A", "value-a"));
  }

  @Test
  void anUnknownSecretIsAnInputErrorAsInCamundasRuntime() {
    String model = model(task -> task.zeebeInput("{{secrets.HOME}}", "path"));

    assertThatThrownBy(
            () ->
                guard(model)
                    .variables(job(), "{\"path\": \"{{secrets.HOME}}\"}", new LinkedHashMap<>()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("Secret with name 'HOME' is not available");
  }

  @Test
  void variablesWithoutPlaceholdersNeedNoModel() {
    PlaceholderGuard guard =
        guard(
            key -> {
              throw new IllegalStateException("REST API unreachable");
            });

    assertThat(guard.variables(job(), "{\"path\": \"/orders\"}", new LinkedHashMap<>()))
        .isEqualTo("{\"path\": \"/orders\"}");
    assertThatThrownBy(
            () -> guard.variables(job(), "{\"path\": \"{{secrets.A}}\"}", new LinkedHashMap<>()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("REST API unreachable")
        .hasMessageContaining("camunda.client.rest-address");
    assertThat(asked).isEmpty();
  }

  @Test
  void aFailureMessageLosesTheResolvedValuesButKeepsItsKind() {
    Exception masked =
        FailureMasking.masked(
            new io.camunda.connector.api.error.ConnectorException("502", "refused value-a at /x"),
            List.of("value-a"));

    assertThat(masked)
        .isInstanceOf(io.camunda.connector.api.error.ConnectorException.class)
        .hasMessage("refused **** at /x")
        .hasNoCause();
    assertThat(((io.camunda.connector.api.error.ConnectorException) masked).getErrorCode())
        .isEqualTo("502");
    assertThat(
            FailureMasking.masked(new ConnectorInputException("bad value-a"), List.of("value-a")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("bad ****");
  }

  private PlaceholderGuard guard(String model) {
    return guard(key -> Optional.of(model));
  }

  private PlaceholderGuard guard(ProcessModels models) {
    SecretProvider provider =
        new SecretProvider() {
          @Override
          public String getSecret(String name, SecretContext context) {
            asked.add(name);
            return secrets.get(name);
          }
        };
    return new PlaceholderGuard(
        new WrittenPlaceholders(models), provider, new ObjectMapper(), bound -> {});
  }

  private static String model(Consumer<ServiceTaskBuilder> inputs) {
    return Bpmn.convertToString(
        Bpmn.createExecutableProcess("guarded")
            .startEvent()
            .serviceTask(
                "Task",
                task -> {
                  task.zeebeJobType("test");
                  inputs.accept(task);
                })
            .endEvent()
            .done());
  }

  private static JobContext job() {
    return new JobContext() {
      public Map<String, String> getCustomHeaders() {
        return Map.of();
      }

      public String getVariables() {
        throw new AssertionError("the guard reads the raw variables it is given");
      }

      public String getType() {
        return "test";
      }

      public long getProcessInstanceKey() {
        return 1;
      }

      public String getBpmnProcessId() {
        return "guarded";
      }

      public int getProcessDefinitionVersion() {
        return 1;
      }

      public long getProcessDefinitionKey() {
        return 7;
      }

      public String getElementId() {
        return "Task";
      }

      public long getElementInstanceKey() {
        return 2;
      }

      public String getTenantId() {
        return "<default>";
      }
    };
  }
}
