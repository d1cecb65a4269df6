package dev.flowconnections.runtime.rest;

import dev.flowconnections.templates.node.TemplateProperty;
import dev.flowconnections.templates.node.TemplateProperty.ShownWhen;
import dev.flowconnections.templates.node.TemplateProperty.Type;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
 */
public record RestRequest(
    @NotBlank String connection,
    @TemplateProperty(label = "Method", group = "request", defaultValue = "GET") @NotNull
        HttpMethod method,
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
        Integer readTimeoutInSeconds) {

  static final int DEFAULT_TIMEOUT = 20;
  static final int MAX_CONNECTION_TIMEOUT = 60;

  /** Below the job workers' default job timeout (5 minutes), so a slow call never runs twice. */
  static final int MAX_READ_TIMEOUT = 240;

  public RestRequest {
    queryParameters = queryParameters == null ? Map.of() : queryParameters;
    headers = headers == null ? Map.of() : headers;
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

  @AssertTrue(message = "must be empty for GET and HEAD requests")
  boolean isBody() {
    return body == null || method == null || method.allowsBody();
  }
}
