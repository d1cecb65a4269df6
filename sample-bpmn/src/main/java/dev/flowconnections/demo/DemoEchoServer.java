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
 * The "external API" of the demo: answers any request below {@value #PATH} with its method, path,
 * query, whether an Authorization header came along and the names of all headers, never a header
 * value, so the demo response cannot carry the demo token into process variables.
 *
 * <p>A plain JDK server on its own port on 127.0.0.1 rather than a Spring MVC endpoint: it stands
 * for a third-party system, and it stays outside the runtime's web security.
 */
@Component
@Profile(FlowConnectionsDemo.PROFILE)
public class DemoEchoServer implements DisposableBean {

  public static final String PATH = "/demo/echo";

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
    server.start();
  }

  /** Base URL of the demo connection, e.g. {@code http://localhost:8099/demo/echo}. */
  public String baseUrl() {
    return "http://localhost:" + server.getAddress().getPort() + PATH;
  }

  @Override
  public void destroy() {
    server.stop(0);
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
