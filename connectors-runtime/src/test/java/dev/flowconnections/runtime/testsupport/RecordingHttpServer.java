package dev.flowconnections.runtime.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP server for tests of outbound calls: it records every request exactly as it arrived
 * (method, raw path and query, headers, body) and answers what the test asks for.
 */
public final class RecordingHttpServer implements AutoCloseable {

  private static final Function<RecordedRequest, Reply> DEFAULT =
      request -> Reply.json(200, "{\"ok\":true}");

  private final HttpServer server;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Function<RecordedRequest, Reply> responder = DEFAULT;

  private RecordingHttpServer(HttpServer server) {
    this.server = server;
  }

  public static RecordingHttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      RecordingHttpServer recording = new RecordingHttpServer(server);
      server.createContext("/", recording::handle);
      server.start();
      return recording;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void respond(Reply reply) {
    respond(request -> reply);
  }

  public void respond(Function<RecordedRequest, Reply> responder) {
    this.responder = responder;
  }

  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public RecordedRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new AssertionError("the server received no request");
    }
    return requests.getLast();
  }

  /** Forgets recorded requests and answers 200 {"ok":true} again. */
  public void reset() {
    requests.clear();
    responder = DEFAULT;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(exchange.getRequestHeaders());
      RecordedRequest request =
          new RecordedRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              Collections.unmodifiableMap(headers),
              new String(in.readAllBytes(), StandardCharsets.UTF_8));
      requests.add(request);
      Reply reply = responder.apply(request);
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] body =
          reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
      boolean noBody = body.length == 0 || "HEAD".equals(request.method());
      exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  /** One request as the server saw it. */
  public record RecordedRequest(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      String body) {

    /** First value of a header (any letter case), or null. */
    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Decoded query parameters (last value wins). */
    public Map<String, String> query() {
      Map<String, String> result = new LinkedHashMap<>();
      if (rawQuery != null && !rawQuery.isEmpty()) {
        for (String pair : rawQuery.split("&")) {
          String[] parts = pair.split("=", 2);
          result.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
        }
      }
      return result;
    }

    private static String decode(String text) {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
  }

  /** What the server answers. */
  public record Reply(int status, Map<String, String> headers, String body) {

    public static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body);
    }

    public static Reply text(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "text/plain; charset=UTF-8"), body);
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> merged = new LinkedHashMap<>(headers);
      merged.put(name, value);
      return new Reply(status, merged, body);
    }
  }
}
