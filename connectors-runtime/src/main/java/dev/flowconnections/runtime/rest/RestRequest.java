package dev.flowconnections.runtime.rest;

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
 * @param path relative to the connection's base URL, e.g. {@code /orders/1}; empty calls the base URL
 * @param body any JSON value; text is sent as it is, anything else as JSON
 */
public record RestRequest(
    @NotBlank String connection,
    @NotNull HttpMethod method,
    @Size(max = 2048) String path,
    Map<String, String> queryParameters,
    Map<String, String> headers,
    Object body,
    @Min(1) @Max(MAX_CONNECTION_TIMEOUT) Integer connectionTimeoutInSeconds,
    @Min(1) @Max(MAX_READ_TIMEOUT) Integer readTimeoutInSeconds) {

  static final int DEFAULT_TIMEOUT = 20;
  static final int MAX_CONNECTION_TIMEOUT = 60;
  /** Below the job workers' default job timeout (5 minutes), so a slow call never runs twice. */
  static final int MAX_READ_TIMEOUT = 240;

  public RestRequest {
    queryParameters = queryParameters == null ? Map.of() : queryParameters;
    headers = headers == null ? Map.of() : headers;
  }

  public Duration connectionTimeout() {
    return Duration.ofSeconds(connectionTimeoutInSeconds == null ? DEFAULT_TIMEOUT : connectionTimeoutInSeconds);
  }

  public Duration readTimeout() {
    return Duration.ofSeconds(readTimeoutInSeconds == null ? DEFAULT_TIMEOUT : readTimeoutInSeconds);
  }

  /** The path as shown in messages: what the modeller wrote, never the full URL (it may carry an API key). */
  public String displayPath() {
    return path == null || path.isBlank() ? "/" : path;
  }

  @AssertTrue(message = "must be empty for GET and HEAD requests")
  boolean isBody() {
    return body == null || method == null || method.allowsBody();
  }
}
