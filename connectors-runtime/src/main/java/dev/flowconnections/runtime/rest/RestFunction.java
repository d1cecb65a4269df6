package dev.flowconnections.runtime.rest;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;

/**
 * The REST task of Flow Connections: like Camunda's HTTP REST connector, but the URL's base and the
 * credentials come from a connection, resolved for the environment this runtime serves. A process
 * names the connection and the relative path; it never sees a credential.
 *
 * <p>Result: {@link RestResponse} ({@code status}, {@code headers}, {@code body}). A non-2xx answer
 * fails the job with error code = the status ({@code "404"}), which a task's {@code errorExpression}
 * can turn into a BPMN error; otherwise it becomes an incident once retries are exhausted.
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
      "readTimeoutInSeconds"
    },
    type = RestFunction.TYPE)
public class RestFunction implements OutboundConnectorFunction {

  public static final String TYPE = "io.flowconnections:rest:1";

  private final RestService restService;

  public RestFunction(RestService restService) {
    this.restService = restService;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    RestRequest request = context.bindVariables(RestRequest.class);
    return restService.call(request, context.getJobContext());
  }
}
