package dev.flowconnections.templates.webmodeler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The few calls of Web Modeler's REST API v1 that publishing needs: find a file by name in the
 * project, read it, create it, update it with its revision. A 401 re-fetches the token once.
 */
class WebModelerClient {

  /** A file of the project as far as publishing cares. */
  record RemoteFile(String id, long revision, String content) {}

  private final HttpClient http;
  private final WebModelerProperties properties;
  private final ClientCredentialsToken token;
  private final ObjectMapper json;

  WebModelerClient(HttpClient http, WebModelerProperties properties, ClientCredentialsToken token, ObjectMapper json) {
    this.http = http;
    this.properties = properties;
    this.token = token;
    this.json = json;
  }

  Optional<RemoteFile> find(String name) throws IOException, InterruptedException {
    ObjectNode search = json.createObjectNode();
    search.putObject("filter").put("projectId", properties.getProjectId()).put("name", name);
    search.put("page", 0).put("size", 1);
    JsonNode items = call("POST", "/api/v1/files/search", search).path("items");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    JsonNode file = call("GET", "/api/v1/files/" + items.get(0).get("id").asText(), null);
    return Optional.of(new RemoteFile(
        file.at("/metadata/id").asText(), file.at("/metadata/revision").asLong(), file.path("content").asText()));
  }

  void create(String name, String content) throws IOException, InterruptedException {
    ObjectNode file = json.createObjectNode()
        .put("name", name)
        .put("projectId", properties.getProjectId())
        .put("content", content)
        .put("fileType", "connector_template");
    if (properties.getFolderId() != null && !properties.getFolderId().isBlank()) {
      file.put("folderId", properties.getFolderId());
    }
    call("POST", "/api/v1/files", file);
  }

  void update(RemoteFile file, String content) throws IOException, InterruptedException {
    call("PATCH", "/api/v1/files/" + file.id(), json.createObjectNode().put("content", content).put("revision", file.revision()));
  }

  private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
    HttpResponse<String> response = send(method, path, body);
    if (response.statusCode() == 401) {
      token.invalidate();
      response = send(method, path, body);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException(method + " " + path + " answered HTTP " + response.statusCode());
    }
    return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path, JsonNode body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(properties.getBaseUrl().toString()) + path))
        .timeout(properties.getTimeout())
        .header("Authorization", "Bearer " + token.get())
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
