package dev.flowconnections.templates.webmodeler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A local stand-in for Web Modeler's REST API v1 (files: search, create, read, update with revision
 * check) and its OAuth2 token endpoint. It records every request with the status it answered, and
 * can be told to reject tokens, fail or hang calls.
 *
 * <p>Its error answers are deliberately careless: they quote the request's Authorization header or
 * client secret, so tests can prove that nothing from an answer reaches a log line unmasked.
 */
final class FakeWebModeler implements AutoCloseable {

  static final String CLIENT_ID = "flow-connections-test";
  static final String TOKEN_PATH = "/oauth/token";
  static final String FILES = "/api/v1/files";
  private static final Set<String> FILE_TYPES = Set.of("bpmn", "dmn", "form", "connector_template");

  /** One request as received, with the status it was answered. */
  record Request(String method, String path, Map<String, String> headers, String body, int status) {
    String header(String name) {
      return headers.get(name.toLowerCase());
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Map<String, String> form() {
      return formOf(body);
    }

    static Map<String, String> formOf(String body) {
      return Arrays.stream(body.split("&"))
          .map(pair -> pair.split("=", 2))
          .collect(
              Collectors.toMap(
                  kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                  kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "",
                  (a, b) -> a,
                  LinkedHashMap::new));
    }
  }

  /** A file as Web Modeler keeps it. */
  static final class StoredFile {
    final String id = UUID.randomUUID().toString();
    String name;
    String projectId;
    String folderId;
    String fileType;
    String content;
    long revision = 1;

    JsonNode content() {
      try {
        return MAPPER.readTree(content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String clientSecret;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
  private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Map<String, Duration> hangs = new ConcurrentHashMap<>();
  private volatile long expiresIn;

  /** Moves on with every reset, so a call still hanging from an earlier test is not recorded. */
  private final AtomicInteger generation = new AtomicInteger();

  private volatile boolean acceptTokens;

  private FakeWebModeler(String clientSecret) throws IOException {
    this.clientSecret = clientSecret;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor); // a hanging call must not block the others
    server.start();
    reset();
  }

  static FakeWebModeler start(String clientSecret) {
    try {
      return new FakeWebModeler(clientSecret);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  URI tokenUrl() {
    return baseUrl().resolve(TOKEN_PATH);
  }

  /** Forgets files, requests, tokens and injected failures. */
  void reset() {
    generation.incrementAndGet();
    requests.clear();
    files.clear();
    issuedTokens.clear();
    validTokens.clear();
    failures.clear();
    hangs.clear();
    expiresIn = 3600;
    acceptTokens = true;
  }

  void clearRequests() {
    requests.clear();
  }

  void tokensExpireIn(long seconds) {
    expiresIn = seconds;
  }

  /** Every token issued so far becomes invalid, as after a revocation. */
  void revokeTokens() {
    validTokens.clear();
  }

  /**
   * Tokens are issued, but the API refuses all of them (e.g. the client lacks the API audience).
   */
  void refuseAllTokens() {
    acceptTokens = false;
  }

  /** Answers {@code status} to every {@code method} on exactly {@code path}. */
  void fail(String method, String path, int status) {
    failures.put(method + " " + path, status);
  }

  /** Waits {@code delay} before answering {@code method} on exactly {@code path}. */
  void hang(String method, String path, Duration delay) {
    hangs.put(method + " " + path, delay);
  }

  /** Someone saved the file in Web Modeler: its revision moves on, the content stays. */
  void savedMeanwhile(String projectId, String name, long revision) {
    StoredFile file = file(projectId, name).orElseThrow();
    synchronized (file) {
      file.revision = revision;
    }
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requests(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  List<Request> tokenRequests() {
    return requests("POST", TOKEN_PATH);
  }

  List<String> issuedTokens() {
    return List.copyOf(issuedTokens);
  }

  List<StoredFile> files(String projectId) {
    return files.values().stream().filter(f -> f.projectId.equals(projectId)).toList();
  }

  Optional<StoredFile> file(String projectId, String name) {
    return files(projectId).stream().filter(f -> f.name.equals(name)).findFirst();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int startedIn = generation.get();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers =
        exchange.getRequestHeaders().entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getKey().toLowerCase(),
                    e -> String.join(",", e.getValue()),
                    (a, b) -> a));
    Answer answer;
    try {
      Duration hang = hangs.get(method + " " + path);
      if (hang != null) {
        Thread.sleep(hang.toMillis());
      }
      answer =
          path.equals(TOKEN_PATH)
              ? token(method, Request.formOf(body))
              : api(method, path, headers, body);
    } catch (InterruptedException e) {
      return; // shutting down
    } catch (RuntimeException e) {
      answer =
          new Answer(400, MAPPER.createObjectNode().put("detail", String.valueOf(e.getMessage())));
    }
    if (startedIn != generation.get()) {
      exchange.close();
      return;
    }
    requests.add(new Request(method, path, headers, body, answer.status()));
    byte[] bytes = MAPPER.writeValueAsBytes(answer.body());
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private record Answer(int status, JsonNode body) {}

  private Answer token(String method, Map<String, String> form) {
    if (!method.equals("POST") || !"client_credentials".equals(form.get("grant_type"))) {
      return new Answer(400, MAPPER.createObjectNode().put("error", "unsupported_grant_type"));
    }
    if (!CLIENT_ID.equals(form.get("client_id"))
        || !clientSecret.equals(form.get("client_secret"))) {
      return new Answer(
          401,
          MAPPER
              .createObjectNode()
              .put("error", "invalid_client")
              .put(
                  "error_description",
                  "no client "
                      + form.get("client_id")
                      + " with secret "
                      + form.get("client_secret")));
    }
    String token = "tok-" + UUID.randomUUID();
    issuedTokens.add(token);
    validTokens.add(token);
    return new Answer(
        200,
        MAPPER
            .createObjectNode()
            .put("access_token", token)
            .put("token_type", "Bearer")
            .put("expires_in", expiresIn));
  }

  private Answer api(String method, String path, Map<String, String> headers, String body)
      throws IOException {
    String authorization = headers.getOrDefault("authorization", "");
    if (!acceptTokens
        || !authorization.startsWith("Bearer ")
        || !validTokens.contains(authorization.substring(7))) {
      return new Answer(
          401, MAPPER.createObjectNode().put("detail", "invalid token in " + authorization));
    }
    Integer failure = failures.get(method + " " + path);
    if (failure != null) {
      return new Answer(
          failure,
          MAPPER
              .createObjectNode()
              .put("detail", "could not handle request with " + authorization));
    }
    if (method.equals("POST") && path.equals(FILES + "/search")) {
      return search(MAPPER.readTree(body));
    }
    if (method.equals("POST") && path.equals(FILES)) {
      return create(MAPPER.readTree(body));
    }
    if (path.startsWith(FILES + "/")) {
      StoredFile file = files.get(path.substring(FILES.length() + 1));
      if (file == null) {
        return new Answer(404, MAPPER.createObjectNode().put("detail", "no such file"));
      }
      if (method.equals("GET")) {
        ObjectNode answer = MAPPER.createObjectNode();
        answer.set("metadata", metadata(file));
        answer.put("content", file.content);
        return new Answer(200, answer);
      }
      if (method.equals("PATCH")) {
        return update(file, MAPPER.readTree(body));
      }
    }
    return new Answer(
        404, MAPPER.createObjectNode().put("detail", "no route " + method + " " + path));
  }

  private Answer search(JsonNode query) {
    JsonNode filter = query.path("filter");
    int page = query.path("page").asInt(0);
    int size = query.path("size").asInt(10);
    List<StoredFile> matches =
        files.values().stream()
            .filter(
                f ->
                    !filter.has("projectId")
                        || f.projectId.equals(filter.get("projectId").asText()))
            .filter(f -> !filter.has("name") || f.name.equals(filter.get("name").asText()))
            .toList();
    ObjectNode answer = MAPPER.createObjectNode();
    matches.stream()
        .skip((long) page * size)
        .limit(size)
        .forEach(f -> answer.withArray("items").add(metadata(f)));
    answer.withArray("items");
    answer.put("total", matches.size());
    return new Answer(200, answer);
  }

  private Answer create(JsonNode body) {
    if (!body.path("name").isTextual()
        || !body.path("projectId").isTextual()
        || !body.path("content").isTextual()
        || !FILE_TYPES.contains(body.path("fileType").asText())) {
      return new Answer(
          400,
          MAPPER
              .createObjectNode()
              .put("detail", "name, projectId, content (string) and fileType are required"));
    }
    StoredFile file = new StoredFile();
    file.name = body.get("name").asText();
    file.projectId = body.get("projectId").asText();
    file.folderId = body.path("folderId").asText(null);
    file.fileType = body.get("fileType").asText();
    file.content = body.get("content").asText();
    files.put(file.id, file);
    return new Answer(200, metadata(file));
  }

  private Answer update(StoredFile file, JsonNode body) {
    if (!body.path("revision").canConvertToLong() || !body.path("content").isTextual()) {
      return new Answer(
          400,
          MAPPER.createObjectNode().put("detail", "content (string) and revision are required"));
    }
    synchronized (file) {
      if (body.get("revision").asLong() != file.revision) {
        return new Answer(
            409,
            MAPPER
                .createObjectNode()
                .put("detail", "revision " + body.get("revision") + " is outdated"));
      }
      file.content = body.get("content").asText();
      file.revision++;
      return new Answer(200, metadata(file));
    }
  }

  private static ObjectNode metadata(StoredFile file) {
    ObjectNode metadata =
        MAPPER
            .createObjectNode()
            .put("id", file.id)
            .put("name", file.name)
            .put("projectId", file.projectId)
            .put("type", file.fileType)
            .put("revision", file.revision);
    if (file.folderId != null) {
      metadata.put("folderId", file.folderId);
    }
    return metadata;
  }
}
