package dev.flowconnections.templates.webmodeler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The few file operations of the Web Modeler REST API v1 the push needs, in one project. Every call
 * carries a bearer token and a timeout; a 401 gets one retry with a fresh token.
 */
public class WebModelerClient {

  /** The file type Web Modeler shows as a connector template. */
  static final String CONNECTOR_TEMPLATE = "connector_template";

  private static final String FILES = "/api/v1/files";
  private static final String SEARCH = FILES + "/search";

  private final HttpClient http;
  private final String baseUrl;
  private final String projectId;
  private final String folderId;
  private final WebModelerTokenClient tokens;
  private final Duration timeout;
  private final ObjectMapper json;

  public WebModelerClient(
      HttpClient http,
      URI baseUrl,
      String projectId,
      String folderId,
      WebModelerTokenClient tokens,
      Duration timeout,
      ObjectMapper json) {
    this.http = http;
    this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
    this.projectId = projectId;
    this.folderId = folderId == null || folderId.isBlank() ? null : folderId;
    this.tokens = tokens;
    this.timeout = timeout;
    this.json = json;
  }

  /** A file as the search lists it. */
  public record FileRef(String id, String name) {}

  /** A file's current content and the revision an update has to name. */
  public record RemoteFile(String content, long revision) {}

  /** The project's file of exactly this name, if there is one. */
  public Optional<FileRef> find(String name) throws WebModelerException {
    ObjectNode body = json.createObjectNode();
    body.putObject("filter").put("projectId", projectId).put("name", name);
    body.put("page", 0).put("size", 1);
    JsonNode first = call("POST", SEARCH, body).path("items").path(0);
    if (first.isMissingNode()) {
      return Optional.empty();
    }
    String found = first.path("name").asText();
    if (!name.equals(found)) {
      // Should the name filter ever match more loosely ("REST API" in "REST API Tool"), refuse
      // rather than overwrite another template's file or create a duplicate on every push.
      throw WebModelerException.unexpected(
          "POST " + SEARCH, "the search for '" + name + "' found '" + found + "'");
    }
    return Optional.of(new FileRef(requireText(first, "id", "POST " + SEARCH), found));
  }

  public RemoteFile get(String fileId) throws WebModelerException {
    String path = FILES + "/" + encode(fileId);
    JsonNode answer = call("GET", path, null);
    JsonNode revision = answer.path("metadata").path("revision");
    if (!revision.canConvertToLong()) {
      throw WebModelerException.unexpected("GET " + path, "no metadata.revision");
    }
    return new RemoteFile(answer.path("content").asText(""), revision.asLong());
  }

  public void create(String name, String content) throws WebModelerException {
    ObjectNode body = json.createObjectNode();
    body.put("name", name).put("projectId", projectId);
    if (folderId != null) {
      body.put("folderId", folderId);
    }
    body.put("content", content).put("fileType", CONNECTOR_TEMPLATE);
    call("POST", FILES, body);
  }

  /** Replaces the content; Web Modeler refuses (409) when {@code revision} is no longer current. */
  public void update(String fileId, String content, long revision) throws WebModelerException {
    ObjectNode body = json.createObjectNode().put("content", content).put("revision", revision);
    call("PATCH", FILES + "/" + encode(fileId), body);
  }

  private JsonNode call(String method, String path, JsonNode body) throws WebModelerException {
    String call = method + " " + path;
    String token = tokens.token();
    HttpResponse<String> response = HttpCalls.send(http, request(method, path, body, token), call);
    if (response.statusCode() == 401) {
      // A cached token can be revoked or end early; a fresh one decides whether the client is
      // refused.
      tokens.invalidate(token);
      response = HttpCalls.send(http, request(method, path, body, tokens.token()), call);
    }
    if (response.statusCode() / 100 != 2) {
      throw WebModelerException.rejected(
          call,
          response.statusCode(),
          HttpCalls.errorDetail(json, response.body(), "detail", "message", "title", "error"));
    }
    try {
      return response.body() == null || response.body().isBlank()
          ? json.missingNode()
          : json.readTree(response.body());
    } catch (IOException e) {
      throw WebModelerException.unexpected(call, "not JSON");
    }
  }

  private HttpRequest request(String method, String path, JsonNode body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    try {
      return request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot serialize the request body of " + method + " " + path, e);
    }
  }

  private static String requireText(JsonNode node, String field, String call)
      throws WebModelerException {
    String value = node.path(field).asText("");
    if (value.isBlank()) {
      throw WebModelerException.unexpected(call, "no " + field);
    }
    return value;
  }

  /** File ids come from the server; encoded, none can turn into another path. */
  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
