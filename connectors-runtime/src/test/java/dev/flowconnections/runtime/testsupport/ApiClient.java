package dev.flowconnections.runtime.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Real HTTP against the running API, as a given user. Bodies go out as JSON (or raw text, to send
 * malformed JSON). Every response, headers included, is kept in a transcript shared by all views of
 * one client, so a test can check that no written secret ever came back.
 */
public final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final HttpClient http;
  private final String base;
  private final String authorization;
  private final List<String> transcript;
  private final Map<String, String> headers;

  private ApiClient(HttpClient http, String base, String authorization, List<String> transcript) {
    this(http, base, authorization, transcript, Map.of());
  }

  private ApiClient(
      HttpClient http,
      String base,
      String authorization,
      List<String> transcript,
      Map<String, String> headers) {
    this.http = http;
    this.base = base;
    this.authorization = authorization;
    this.transcript = transcript;
    this.headers = Map.copyOf(headers);
  }

  public static ApiClient on(int port) {
    return new ApiClient(
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        "http://127.0.0.1:" + port,
        null,
        Collections.synchronizedList(new ArrayList<>()));
  }

  /** The test users' passwords equal their names (application-test.yml). */
  public ApiClient as(String username) {
    return as(username, username);
  }

  public ApiClient as(String username, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new ApiClient(http, base, "Basic " + token, transcript);
  }

  /**
   * The same user sending these headers on every request too, e.g. {@code Origin} as a browser
   * would.
   */
  public ApiClient withHeaders(Map<String, String> extra) {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.putAll(extra);
    return new ApiClient(http, base, authorization, transcript, all);
  }

  /** {@code http://127.0.0.1:<port>}, the origin of the pages this client talks to. */
  public String origin() {
    return base;
  }

  public ApiClient anonymous() {
    return new ApiClient(http, base, null, transcript);
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  /** A GET with an Accept header, e.g. {@code text/html} as a browser's navigation sends it. */
  public Response get(String path, String accept) {
    return send("GET", path, null, null, accept);
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, json(body));
  }

  public Response put(String path, Object body) {
    return send("PUT", path, json(body));
  }

  /** {@code rawBody} goes out as it is, with Content-Type application/json when not null. */
  public Response send(String method, String path, String rawBody) {
    return send(method, path, rawBody, "application/json");
  }

  public Response send(String method, String path, String rawBody, String contentType) {
    return send(method, path, rawBody, contentType, null);
  }

  private Response send(
      String method, String path, String rawBody, String contentType, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                rawBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(rawBody));
    if (rawBody != null && contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      transcript.add(
          method
              + " "
              + path
              + " -> "
              + response.statusCode()
              + "\n"
              + response.headers().map()
              + "\n"
              + response.body());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Everything every view of this client received so far. */
  public List<String> transcript() {
    synchronized (transcript) {
      return List.copyOf(transcript);
    }
  }

  private static String json(Object body) {
    if (body == null || body instanceof String) {
      return (String) body;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public record Response(int status, java.net.http.HttpHeaders headers, String body) {

    public String contentType() {
      return header("Content-Type");
    }

    public String location() {
      return headers.firstValue("Location").orElse(null);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("response is not JSON: " + body, e);
      }
    }

    public String text(String pointer) {
      return json().at(pointer).asText();
    }

    public boolean isProblem() {
      return contentType().startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + contentType() + " " + body;
    }
  }
}
