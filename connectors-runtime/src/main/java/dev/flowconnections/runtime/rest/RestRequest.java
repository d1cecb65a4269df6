package dev.flowconnections.runtime.rest;

import dev.flowconnections.templates.node.OperationInput;
import dev.flowconnections.templates.node.TemplateProperty;
import dev.flowconnections.templates.node.TemplateProperty.ShownWhen;
import dev.flowconnections.templates.node.TemplateProperty.Type;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;

/**
 * What a REST task asks for, bound from the job's variables. The connection supplies the base URL
 * and the credentials, so a process never holds either.
 *
 * @param connection key of a REST API connection, e.g. {@code sales-crm}
 * @param path relative to the connection's base URL, e.g. {@code /orders/1}; empty calls the base
 *     URL
 * @param body any JSON value; text is sent as it is, anything else as JSON
 * @param operation an operationId of the OpenAPI document of the connection's integration: its
 *     method and path replace {@code method} and {@code path}
 * @param pathParameters the values of the operation's path parameters, by name
 */
public record RestRequest(
    @NotBlank String connection,
    @TemplateProperty(label = "Method", group = "request", defaultValue = "GET") HttpMethod method,
    @TemplateProperty(
            label = "Path",
            group = "request",
            required = true,
            description =
                "Relative to the connection's base URL, e.g. /orders/{{id}} as FEEL: =\"/orders/\" + id")
        @Size(max = 2048)
        String path,
    @TemplateProperty(
            label = "Query parameters",
            group = "request",
            description = "FEEL context, e.g. ={limit: 10}")
        Map<String, String> queryParameters,
    @TemplateProperty(
            label = "Headers",
            group = "request",
            description = "FEEL context of extra headers; the connection's auth headers always win")
        Map<String, String> headers,
    @TemplateProperty(
            label = "Request body",
            group = "request",
            type = Type.TEXT,
            shownWhen =
                @ShownWhen(
                    property = "method",
                    oneOf = {"POST", "PUT", "PATCH"}))
        Object body,
    @TemplateProperty(
            label = "Connection timeout (s)",
            group = "timeout",
            defaultValue = "" + DEFAULT_TIMEOUT)
        @Min(1)
        @Max(MAX_CONNECTION_TIMEOUT)
        Integer connectionTimeoutInSeconds,
    @TemplateProperty(
            label = "Read timeout (s)",
            group = "timeout",
            defaultValue = "" + DEFAULT_TIMEOUT)
        @Min(1)
        @Max(MAX_READ_TIMEOUT)
        Integer readTimeoutInSeconds,
    @OperationInput @Size(max = 200) String operation,
    @OperationInput Map<String, String> pathParameters) {

  static final int DEFAULT_TIMEOUT = 20;
  static final int MAX_CONNECTION_TIMEOUT = 60;

  /** Below the job workers' default job timeout (5 minutes), so a slow call never runs twice. */
  static final int MAX_READ_TIMEOUT = 240;

  public RestRequest {
    queryParameters = queryParameters == null ? Map.of() : queryParameters;
    headers = headers == null ? Map.of() : headers;
    pathParameters = pathParameters == null ? Map.of() : pathParameters;
  }

  /** A call by method and path, without an OpenAPI operation. */
  public RestRequest(
      String connection,
      HttpMethod method,
      String path,
      Map<String, String> queryParameters,
      Map<String, String> headers,
      Object body,
      Integer connectionTimeoutInSeconds,
      Integer readTimeoutInSeconds) {
    this(
        connection,
        method,
        path,
        queryParameters,
        headers,
        body,
        connectionTimeoutInSeconds,
        readTimeoutInSeconds,
        null,
        null);
  }

  boolean hasOperation() {
    return operation != null && !operation.isBlank();
  }

  /** This request with the method and path an OpenAPI operation gives. */
  RestRequest forOperation(HttpMethod operationMethod, String operationPath) {
    return new RestRequest(
        connection,
        operationMethod,
        operationPath,
        queryParameters,
        headers,
        body,
        connectionTimeoutInSeconds,
        readTimeoutInSeconds,
        operation,
        pathParameters);
  }

  public Duration connectionTimeout() {
    return Duration.ofSeconds(
        connectionTimeoutInSeconds == null ? DEFAULT_TIMEOUT : connectionTimeoutInSeconds);
  }

  public Duration readTimeout() {
    return Duration.ofSeconds(
        readTimeoutInSeconds == null ? DEFAULT_TIMEOUT : readTimeoutInSeconds);
  }

  /**
   * The path as shown in messages: what the modeller wrote, never the full URL (it may carry an API
   * key).
   */
  public String displayPath() {
    return path == null || path.isBlank() ? "/" : path;
  }

  @AssertTrue(message = "is required unless an operation is chosen")
  boolean isMethod() {
    return method != null || hasOperation();
  }

  @AssertTrue(message = "must be empty for GET and HEAD requests")
  boolean isBody() {
    return body == null || method == null || method.allowsBody();
  }
}
