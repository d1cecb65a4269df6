package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.secretprovider.PlaceholderGuard;
import dev.flowconnections.templates.ElementTemplateGenerator;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.CompleteJobCommandStep1;
import io.camunda.client.api.command.FailJobCommandStep1.FailJobCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.api.secret.SecretProvider;
import io.camunda.connector.api.validation.ValidationProvider;
import io.camunda.connector.runtime.core.outbound.ConnectorResult;
import io.camunda.connector.runtime.core.outbound.JobHandlerContext;
import io.camunda.connector.runtime.outbound.job.OutboundConnectorExceptionHandler;
import io.grpc.Status;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AI Agent applied to an ad-hoc sub-process, the Camunda 8.8 way of building agents: the
 * sub-process's job runs {@link AgentSubProcessService} and is completed with a job result that
 * activates the elements the model called (with the variable {@code toolCall}) or, once the model
 * answers, fulfils the sub-process's completion condition. The engine collects each finished tool's
 * {@code toolCallResult} into {@code toolCallResults} and creates the next job.
 *
 * <p>It is a job worker, not a connector function: a connector's job is completed by the connector
 * runtime, which cannot send an ad-hoc sub-process result. It binds the job as the connector
 * runtime does (the same placeholder guard and validation) and fails it with the connector
 * runtime's own exception handling, so its failures read like every other worker's. Camunda's
 * connector annotation declares its job type and fetched variables, as for the other workers.
 */
@OutboundConnector(
    name = "Flow Connections AI Agent Sub-process",
    inputVariables = {
      "connection",
      "model",
      "systemPrompt",
      "userPrompt",
      "temperature",
      "maxTokens",
      "outputSchema",
      "mcpConnection",
      "maxToolIterations",
      "adHocSubProcessElements",
      "toolCallResults",
      "agentContext"
    },
    type = AgentSubProcessWorker.TYPE)
@WorkerDescriptor(
    request = AiRequest.class,
    connectionType = IntegrationType.AI_PROVIDER,
    groups = {
      @TemplateGroup(id = "prompt", label = "Prompt"),
      @TemplateGroup(id = "tools", label = "Tools")
    },
    nodes = {
      @NodeTemplate(
          id = "ai-agent-subprocess",
          label = "AI Agent Sub-process",
          description =
              "An AI agent that calls the tasks inside this ad-hoc sub-process as its tools",
          element = NodeTemplate.Element.AD_HOC_SUB_PROCESS)
    })
public class AgentSubProcessWorker implements JobHandler {

  private static final Logger LOG = LoggerFactory.getLogger(AgentSubProcessWorker.class);

  public static final String TYPE = "io.flowconnections:ai-agent-subprocess:1";

  // the variables of the contract its element template sets up
  private static final String AGENT_CONTEXT = ElementTemplateGenerator.AGENT_CONTEXT;
  private static final String TOOL_CALL_RESULTS = ElementTemplateGenerator.TOOL_CALL_RESULTS;
  private static final String TOOL_CALL_RESULT = ElementTemplateGenerator.TOOL_CALL_RESULT;
  private static final String AGENT = ElementTemplateGenerator.AGENT_RESULT;

  /** Zeebe refuses longer error messages. */
  private static final int MAX_ERROR_MESSAGE = 6000;

  private final OutboundConnectorFunction step;
  private final SecretProvider secrets;
  private final ValidationProvider validation;
  private final DocumentFactory documents;
  private final OutboundConnectorExceptionHandler failures;
  private final ObjectMapper json;

  AgentSubProcessWorker(
      AgentSubProcessService service,
      PlaceholderGuard guard,
      SecretProvider secrets,
      ValidationProvider validation,
      DocumentFactory documents,
      ObjectMapper json) {
    this.step =
        guard.guard(
            context ->
                service.step(context.bindVariables(AiRequest.class), context.getJobContext()));
    this.secrets = secrets;
    this.validation = validation;
    this.documents = documents;
    this.failures = new OutboundConnectorExceptionHandler(secrets);
    this.json = json;
  }

  /** How the runtime opens this worker: the connector's job type and fetched variables. */
  JobWorkerValue jobWorker() {
    OutboundConnector connector = getClass().getAnnotation(OutboundConnector.class);
    JobWorkerValue worker = new JobWorkerValue();
    worker.setName(connector.name());
    worker.setType(connector.type());
    worker.setFetchVariables(List.of(connector.inputVariables()));
    worker.setAutoComplete(false);
    return worker;
  }

  @Override
  public void handle(JobClient client, ActivatedJob job) {
    AgentStep outcome;
    try {
      outcome =
          (AgentStep)
              step.execute(new JobHandlerContext(job, secrets, validation, documents, json));
    } catch (Exception e) {
      fail(client, job, e);
      return;
    }
    complete(client, job, outcome);
  }

  private void complete(JobClient client, ActivatedJob job, AgentStep outcome) {
    CompleteJobCommandStep1 command = client.newCompleteCommand(job);
    switch (outcome) {
      case AgentStep.Waiting waiting ->
          command.withResult(
              result ->
                  result
                      .forAdHocSubProcess()
                      .completionConditionFulfilled(false)
                      .cancelRemainingInstances(false));
      case AgentStep.ActivateTools tools -> {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(AGENT_CONTEXT, json.valueToTree(tools.context()));
        // the collection starts empty for the round's results
        variables.put(TOOL_CALL_RESULTS, List.of());
        command
            .variables(variables)
            .withResult(
                result -> {
                  var adHoc =
                      result
                          .forAdHocSubProcess()
                          .completionConditionFulfilled(false)
                          .cancelRemainingInstances(false);
                  for (AgentStep.Activation activation : tools.activations()) {
                    Map<String, Object> local = new LinkedHashMap<>();
                    local.put(AdHocTools.TOOL_CALL, activation.toolCall());
                    // local to the tool, so its result never lands in an outer scope
                    local.put(TOOL_CALL_RESULT, "");
                    adHoc = adHoc.activateElement(activation.elementId()).variables(local);
                  }
                  return adHoc;
                });
      }
      case AgentStep.Answer answer -> {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(AGENT_CONTEXT, json.valueToTree(answer.context()));
        variables.put(AGENT, json.valueToTree(answer.result()));
        command
            .variables(variables)
            .withResult(
                result ->
                    result
                        .forAdHocSubProcess()
                        .completionConditionFulfilled(true)
                        .cancelRemainingInstances(false));
      }
    }
    try {
      command.send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      // A tool finished while this job ran: the engine cancels the sub-process's job and creates
      // a new one with every result so far, which carries on from here.
      LOG.debug("job {} of the agent was replaced by the engine: {}", job.getKey(), e.getMessage());
    }
  }

  /** As the connector runtime fails a connector's job: same retries, backoff and masking. */
  private void fail(JobClient client, ActivatedJob job, Exception e) {
    ConnectorResult.ErrorResult error;
    try {
      error = failures.manageConnectorJobHandlerException(e, job, retryBackoff(job));
    } catch (RuntimeException unexpected) {
      error = new ConnectorResult.ErrorResult(Map.of(), unexpected, 0);
    }
    String message = String.valueOf(error.exception().getMessage());
    FailJobCommandStep2 command =
        client
            .newFailCommand(job)
            .retries(Math.max(error.retries(), 0))
            .errorMessage(
                message.length() > MAX_ERROR_MESSAGE
                    ? message.substring(0, MAX_ERROR_MESSAGE)
                    : message);
    if (error.retryBackoff() != null) {
      command = command.retryBackoff(error.retryBackoff());
    }
    command.send().join();
  }

  private static Duration retryBackoff(ActivatedJob job) {
    String header = job.getCustomHeaders().get("retryBackoff");
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.parse(header);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
