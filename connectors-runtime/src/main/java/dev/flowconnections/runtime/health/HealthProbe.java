package dev.flowconnections.runtime.health;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

/**
 * The container image's health check command: the image has no shell and no curl, and an OCI image
 * cannot carry a Docker HEALTHCHECK, so Compose runs this class with the image's own Java runtime
 * ({@code java -cp /app/classes dev.flowconnections.runtime.health.HealthProbe}). It asks the
 * runtime on this host for a health group and exits 0 when it answers 200 (UP), 1 otherwise. Plain
 * JDK only (no Spring): it starts in a fraction of a second beside the running runtime.
 *
 * <p>Argument: the path to check, {@code /actuator/health/liveness} when absent. The port is the
 * runtime's {@code PORT} (8080 when unset).
 */
public final class HealthProbe {

  static final String DEFAULT_PATH = "/actuator/health/liveness";
  static final int TIMEOUT_MILLIS = 3000;

  private HealthProbe() {}

  public static void main(String[] args) {
    String path = args.length > 0 ? args[0] : DEFAULT_PATH;
    String outcome = check(url(System.getenv(), path));
    System.out.println(outcome);
    System.exit(outcome.startsWith("UP") ? 0 : 1);
  }

  static URI url(Map<String, String> environment, String path) {
    String port = environment.getOrDefault("PORT", "8080");
    if (!port.matches("\\d{1,5}")) {
      throw new IllegalArgumentException("PORT must be a port number, got: " + port);
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("the path must start with /, got: " + path);
    }
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * One line: "UP <url>" for HTTP 200, else what went wrong (never the body: it may carry details).
   */
  static String check(URI url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      connection.setInstanceFollowRedirects(false);
      try {
        int status = connection.getResponseCode();
        return status == 200 ? "UP " + url : "DOWN " + url + ": HTTP " + status;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return "DOWN " + url + ": " + e.getClass().getSimpleName() + " " + e.getMessage();
    }
  }
}
