package dev.flowconnections.integration.openapi;

import java.util.List;

/**
 * One operation of an imported OpenAPI document: what a REST task needs to call it by its id.
 *
 * @param method upper case, e.g. {@code GET}
 * @param path the document's path template, e.g. {@code /orders/{orderId}}
 * @param summary the document's summary, or null
 */
public record ApiOperation(
    String operationId,
    String summary,
    String method,
    String path,
    List<ApiParameter> pathParameters,
    List<ApiParameter> queryParameters,
    boolean requestBody) {

  public ApiOperation {
    pathParameters = List.copyOf(pathParameters);
    queryParameters = List.copyOf(queryParameters);
  }

  /** What a dropdown shows: "operationId — summary". */
  public String label() {
    return summary == null || summary.isBlank() ? operationId : operationId + " — " + summary;
  }
}
