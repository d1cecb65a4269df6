package dev.flowconnections.sample.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The external system both workers call: a JDK HTTP server on an ephemeral loopback port that
 * answers every request with a small JSON document, and counts requests whose Authorization header
 * is (or is not) the expected one.
 */
final class LocalPeer implements AutoCloseable {

  private static final byte[] BODY = "{\"ok\":true,\"id\":42}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final String expectedAuthorization;
  private final AtomicLong authorized = new AtomicLong();
  private final AtomicLong unauthorized = new AtomicLong();

  LocalPeer(String expectedAuthorization) {
    this.expectedAuthorization = expectedAuthorization;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            boolean ok =
                expectedAuthorization.equals(
                    exchange.getRequestHeaders().getFirst("Authorization"));
            (ok ? authorized : unauthorized).incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : 401, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(BODY);
            }
          }
        });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  long authorized() {
    return authorized.get();
  }

  long unauthorized() {
    return unauthorized.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
