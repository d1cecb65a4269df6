package dev.flowconnections.runtime.rest;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.worker.WorkerFunction;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
import dev.flowconnections.templates.node.ToolInput;
import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.connector.api.annotation.OutboundConnector;

/**
 * The REST task of Flow Connections: like Camunda's HTTP REST connector, but the URL's base and the
 * credentials come from a connection, resolved for the environment this runtime serves. A process
 * names the connection and the relative path; it never sees a credential.
 *
 * <p>Result: {@link RestResponse} ({@code status}, {@code headers}, {@code body}). A non-2xx answer
 * fails the job with error code = the status ({@code "404"}), which a task's {@code
 * errorExpression} can turn into a BPMN error; otherwise it becomes an incident once retries are
 * exhausted.
 */
@OutboundConnector(
    name = "Flow Connections REST",
    inputVariables = {
      "connection",
      "method",
      "path",
      "queryParameters",
      "headers",
      "body",
      "connectionTimeoutInSeconds",
      "readTimeoutInSeconds",
      "operation",
      "pathParameters"
    },
    type = RestFunction.TYPE)
@WorkerDescriptor(
    request = RestRequest.class,
    connectionType = IntegrationType.REST_API,
    groups = {
      @TemplateGroup(id = "request", label = "HTTP request"),
      @TemplateGroup(id = "timeout", label = "Timeouts")
    },
    nodes = {
      @NodeTemplate(
          id = "rest-api",
          label = "REST API",
          description = "Call a REST API through a connection"),
      @NodeTemplate(
          id = "rest-api-tool",
          label = "REST API Tool",
          description =
              "A REST API call offered to an AI Agent as a tool: place it inside the agent's ad-hoc sub-process",
          toolDescription =
              "Calls an HTTP endpoint of this REST API; the API's base URL and credentials are"
                  + " added for you. Returns status, headers and body.",
          toolInputs = {
            @ToolInput(
                input = "method",
                value =
                    "=fromAi(toolCall.method, \"The HTTP method\", \"string\","
                        + " {enum: [\"GET\", \"POST\", \"PUT\", \"PATCH\", \"DELETE\"]})"),
            @ToolInput(
                input = "path",
                description = "The path below the API's base URL, e.g. /orders/42"),
            @ToolInput(
                input = "queryParameters",
                description = "Query parameters: an object of names to values",
                type = "object"),
            @ToolInput(
                input = "body",
                description = "The JSON request body, for POST, PUT and PATCH",
                type = "object")
          })
    })
public class RestFunction extends WorkerFunction<RestRequest> {

  public static final String TYPE = "io.flowconnections:rest:1";

  public RestFunction(RestService restService) {
    super((request, context) -> restService.call(request, context.getJobContext()));
  }
}
