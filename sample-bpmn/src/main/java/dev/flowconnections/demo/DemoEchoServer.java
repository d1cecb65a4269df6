package dev.flowconnections.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The "external APIs" of the demo. Any request below {@value #PATH} is answered with its method,
 * path, query, whether an Authorization header came along and the names of all headers, never a
 * header value, so the demo response cannot carry the demo token into process variables; {@value
 * #MODEL_PATH} is the scripted model of the demo's agent ({@link DemoModel}).
 *
 * <p>A plain JDK server on its own port on 127.0.0.1 rather than a Spring MVC endpoint: it stands
 * for a third-party system, and it stays outside the runtime's web security.
 */
@Component
@Profile(FlowConnectionsDemo.PROFILE)
public class DemoEchoServer implements DisposableBean {

  public static final String PATH = "/demo/echo";

  /** The demo model's base URL path; its chat endpoint is below it, as OpenAI's is. */
  public static final String MODEL_PATH = "/demo/model";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;

  public DemoEchoServer(DemoProperties properties) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", properties.getEchoPort()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "demo echo endpoint cannot listen on port " + properties.getEchoPort(), e);
    }
    server.createContext(PATH, this::echo);
    server.createContext(MODEL_PATH, this::model);
    server.start();
  }

  /** Base URL of the demo connection, e.g. {@code http://localhost:8099/demo/echo}. */
  public String baseUrl() {
    return "http://localhost:" + server.getAddress().getPort() + PATH;
  }

  /** Base URL of the demo model connection, e.g. {@code http://localhost:8099/demo/model}. */
  public String modelBaseUrl() {
    return "http://localhost:" + server.getAddress().getPort() + MODEL_PATH;
  }

  @Override
  public void destroy() {
    server.stop(0);
  }

  private void model(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body =
          json.writeValueAsBytes(
              new DemoModel(json).answer(json.readTree(exchange.getRequestBody().readAllBytes())));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private void echo(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("method", exchange.getRequestMethod());
      answer.put("path", exchange.getRequestURI().getPath());
      answer.put("query", exchange.getRequestURI().getQuery());
      answer.put("authorizationPresent", exchange.getRequestHeaders().containsKey("Authorization"));
      // names only, so a reader sees e.g. X-Api-Key arrive without the demo ever echoing a value
      answer.put(
          "headerNames",
          exchange.getRequestHeaders().keySet().stream()
              .map(name -> name.toLowerCase(java.util.Locale.ROOT))
              .sorted()
              .toList());
      byte[] body = json.writeValueAsBytes(answer);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }
}
