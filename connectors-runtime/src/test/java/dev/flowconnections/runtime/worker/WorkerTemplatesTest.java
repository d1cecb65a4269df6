package dev.flowconnections.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.ai.AiFunction;
import dev.flowconnections.runtime.ai.AiRequest;
import dev.flowconnections.runtime.email.EmailFunction;
import dev.flowconnections.runtime.email.EmailRequest;
import dev.flowconnections.runtime.sms.SmsFunction;
import dev.flowconnections.runtime.sms.SmsRequest;
import dev.flowconnections.runtime.sql.SqlFunction;
import dev.flowconnections.runtime.sql.SqlRequest;
import dev.flowconnections.runtime.storage.StorageFunction;
import dev.flowconnections.runtime.storage.StorageRequest;
import dev.flowconnections.templates.NodeType;
import dev.flowconnections.templates.TemplateInput;
import io.camunda.connector.api.annotation.OutboundConnector;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The element template of a node and its worker agree: the job type, and one template input per
 * request field (the connection comes from the template's dropdown), so every input the worker
 * reads can be set in Modeler and no template input is silently ignored.
 */
@Tag("fast")
class WorkerTemplatesTest {

  @Test
  void sendEmailTemplateMatchesTheEmailWorker() {
    assertAligned(NodeType.SEND_EMAIL, EmailFunction.class, EmailFunction.TYPE, EmailRequest.class);
  }

  @Test
  void sendSmsTemplateMatchesTheSmsWorker() {
    assertAligned(NodeType.SEND_SMS, SmsFunction.class, SmsFunction.TYPE, SmsRequest.class);
  }

  @Test
  void sqlTemplateMatchesTheSqlWorker() {
    assertAligned(NodeType.SQL, SqlFunction.class, SqlFunction.TYPE, SqlRequest.class);
    assertThat(NodeType.SQL.inputs()).filteredOn(input -> input.name().equals("maxRows"))
        .singleElement().satisfies(input -> assertThat(input.defaultValue()).isEqualTo(SqlRequest.DEFAULT_MAX_ROWS));
    assertThat(NodeType.SQL.inputs()).filteredOn(input -> input.name().equals("queryTimeoutInSeconds"))
        .singleElement().satisfies(input -> assertThat(input.defaultValue()).isEqualTo(SqlRequest.DEFAULT_QUERY_TIMEOUT));
    // a batch leaves the single statement empty, so the template must not require it
    assertThat(NodeType.SQL.inputs()).filteredOn(input -> input.name().equals("statement"))
        .singleElement().satisfies(input -> assertThat(input.optional()).isTrue());
  }

  @Test
  void fileManagerTemplateMatchesTheStorageWorker() {
    assertAligned(NodeType.FILE_MANAGER, StorageFunction.class, StorageFunction.TYPE, StorageRequest.class);
    assertThat(NodeType.FILE_MANAGER.inputs()).filteredOn(input -> input.name().equals("maxResults"))
        .singleElement().satisfies(input -> assertThat(input.defaultValue()).isEqualTo(StorageRequest.DEFAULT_MAX_RESULTS));
    // list needs no path, so the template must not require one
    assertThat(NodeType.FILE_MANAGER.inputs()).filteredOn(input -> input.name().equals("path"))
        .singleElement().satisfies(input -> assertThat(input.optional()).isTrue());
    assertThat(NodeType.FILE_MANAGER.inputs()).filteredOn(input -> input.name().equals("operation"))
        .singleElement().satisfies(input -> assertThat(input.choices()).containsExactly("list", "upload", "download", "delete"));
  }

  @Test
  void aiAgentTemplateMatchesTheAiWorker() {
    assertAligned(NodeType.AI_AGENT, AiFunction.class, AiFunction.TYPE, AiRequest.class);
    assertThat(NodeType.AI_AGENT.inputs()).filteredOn(input -> input.name().equals("maxToolIterations"))
        .singleElement().satisfies(input -> assertThat(input.defaultValue()).isEqualTo(AiRequest.DEFAULT_TOOL_ITERATIONS));
    assertThat(NodeType.AI_AGENT.inputs()).filteredOn(input -> input.name().equals("mcpConnection"))
        .singleElement().satisfies(input -> assertThat(input.connectionsOf()).isEqualTo(IntegrationType.MCP));
  }

  private static void assertAligned(NodeType node, Class<?> function, String jobType, Class<? extends Record> request) {
    assertThat(node.jobType()).isEqualTo(jobType);
    assertThat(node.workerAvailable()).isTrue();
    Set<String> templateInputs = new LinkedHashSet<>();
    templateInputs.add("connection");
    node.inputs().stream().map(TemplateInput::name).forEach(templateInputs::add);
    Set<String> requestFields = new LinkedHashSet<>(
        Arrays.stream(request.getRecordComponents()).map(RecordComponent::getName).toList());
    assertThat(templateInputs).containsExactlyInAnyOrderElementsOf(requestFields);
    assertThat(function.getAnnotation(OutboundConnector.class).inputVariables())
        .containsExactlyInAnyOrderElementsOf(requestFields);
  }
}
