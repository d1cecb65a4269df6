package dev.flowconnections.templates.webmodeler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of Web Modeler's REST API v1 and its OAuth token endpoint, as documented: files live
 * in memory with a revision, every request is recorded, and tests can make it fail or expire the
 * token.
 */
final class FakeWebModeler implements AutoCloseable {

  record Request(String method, String path, String authorization, String body) {}

  record StoredFile(String id, String name, String projectId, String folderId, String fileType, String content, long revision) {}

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  final Map<String, StoredFile> files = new ConcurrentHashMap<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger();
  volatile String validToken;
  volatile int failFileWritesWith;

  FakeWebModeler() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests(String method, String pathPrefix) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(new Request(method, path, authorization, body));
      if (path.equals("/oauth/token")) {
        validToken = "wm-token-" + tokens.incrementAndGet();
        reply(exchange, 200, "{\"access_token\": \"" + validToken + "\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}");
      } else if (!("Bearer " + validToken).equals(authorization)) {
        reply(exchange, 401, "{\"message\": \"unauthorized\"}");
      } else if (method.equals("POST") && path.equals("/api/v1/files/search")) {
        search(exchange, json.readTree(body));
      } else if (method.equals("GET") && path.startsWith("/api/v1/files/")) {
        StoredFile file = files.get(path.substring("/api/v1/files/".length()));
        ObjectNode answer = json.createObjectNode();
        answer.set("metadata", metadata(file));
        answer.put("content", file.content());
        reply(exchange, 200, json.writeValueAsString(answer));
      } else if (failFileWritesWith != 0) {
        reply(exchange, failFileWritesWith, "{\"message\": \"broken\"}");
      } else if (method.equals("POST") && path.equals("/api/v1/files")) {
        JsonNode request = json.readTree(body);
        String id = "file-" + ids.incrementAndGet();
        StoredFile file = new StoredFile(id, request.get("name").asText(), request.get("projectId").asText(),
            request.path("folderId").asText(null), request.get("fileType").asText(), request.get("content").asText(), 1);
        files.put(id, file);
        reply(exchange, 200, json.writeValueAsString(metadata(file)));
      } else if (method.equals("PATCH") && path.startsWith("/api/v1/files/")) {
        JsonNode request = json.readTree(body);
        StoredFile current = files.get(path.substring("/api/v1/files/".length()));
        if (request.get("revision").asLong() != current.revision()) {
          reply(exchange, 409, "{\"message\": \"revision conflict\"}");
          return;
        }
        StoredFile updated = new StoredFile(current.id(), current.name(), current.projectId(), current.folderId(),
            current.fileType(), request.get("content").asText(), current.revision() + 1);
        files.put(updated.id(), updated);
        reply(exchange, 200, json.writeValueAsString(metadata(updated)));
      } else {
        reply(exchange, 404, "{}");
      }
    }
  }

  private void search(HttpExchange exchange, JsonNode request) throws IOException {
    String name = request.at("/filter/name").asText();
    String project = request.at("/filter/projectId").asText();
    ObjectNode answer = json.createObjectNode();
    var items = answer.putArray("items");
    files.values().stream().filter(f -> f.name().equals(name) && f.projectId().equals(project))
        .forEach(f -> items.add(metadata(f)));
    reply(exchange, 200, json.writeValueAsString(answer));
  }

  private ObjectNode metadata(StoredFile file) {
    return json.createObjectNode().put("id", file.id()).put("name", file.name())
        .put("projectId", file.projectId()).put("revision", file.revision()).put("type", "CONNECTOR_TEMPLATE");
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
