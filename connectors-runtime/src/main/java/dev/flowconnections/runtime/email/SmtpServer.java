package dev.flowconnections.runtime.email;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how an SMTP connection sends: host, port, TLS mode and the optional login. {@link
 * #toString()} hides the password.
 *
 * @param username null when the server takes mail without a login (e.g. a relay inside the network)
 */
record SmtpServer(String host, int port, TlsMode tlsMode, String username, String password) {

  /**
   * NONE: plain text (local relays); STARTTLS: upgrade before login, refused if not offered; TLS:
   * from the start.
   */
  enum TlsMode {
    NONE(25),
    STARTTLS(587),
    TLS(465);

    private final int defaultPort;

    TlsMode(int defaultPort) {
      this.defaultPort = defaultPort;
    }
  }

  static SmtpServer of(ResolvedConnection connection) {
    try {
      String host = connection.requireText("host").strip();
      TlsMode tlsMode = tlsMode(connection);
      int port = port(connection, tlsMode);
      Optional<String> username = connection.text(FieldCatalog.USERNAME).filter(s -> !s.isBlank());
      String password = username.isPresent() ? connection.requireText(FieldCatalog.PASSWORD) : null;
      return new SmtpServer(host, port, tlsMode, username.orElse(null), password);
    } catch (ConnectionResolutionException e) {
      throw WorkerConnections.configurationProblem(e);
    }
  }

  /**
   * The password as SMTP AUTH sends it (LOGIN: base64 of the password; PLAIN: base64 of NUL user
   * NUL password), so a server that quotes the exchange in an error is masked too.
   */
  static String[] loginEncodings(ResolvedConnection connection) {
    Optional<String> username = connection.text(FieldCatalog.USERNAME);
    Optional<String> password = connection.text(FieldCatalog.PASSWORD);
    if (password.isEmpty()) {
      return new String[0];
    }
    Base64.Encoder base64 = Base64.getEncoder();
    return new String[] {
      base64.encodeToString(password.get().getBytes(StandardCharsets.UTF_8)),
      base64.encodeToString(
          ("\0" + username.orElse("") + "\0" + password.get()).getBytes(StandardCharsets.UTF_8))
    };
  }

  boolean authenticates() {
    return username != null;
  }

  /** host:port, as messages name the server. */
  String address() {
    return host + ":" + port;
  }

  private static TlsMode tlsMode(ResolvedConnection connection) {
    String value =
        connection.text("tlsMode").map(String::strip).filter(s -> !s.isEmpty()).orElse("STARTTLS");
    try {
      return TlsMode.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(connection, "tlsMode", "expected NONE, STARTTLS or TLS");
    }
  }

  private static int port(ResolvedConnection connection, TlsMode tlsMode) {
    Optional<String> value = connection.text("port").map(String::strip).filter(s -> !s.isEmpty());
    if (value.isEmpty()) {
      return tlsMode.defaultPort;
    }
    try {
      int port = Integer.parseInt(value.get());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(connection, "port", "expected a number from 1 to 65535");
  }

  private static ConnectorInputException invalid(
      ResolvedConnection connection, String field, String expected) {
    return JobFailures.connectionProblem(
        "connection '"
            + connection.key()
            + "' has an invalid '"
            + field
            + "' in "
            + connection.environment()
            + "; "
            + expected);
  }

  @Override
  public String toString() {
    return "SmtpServer["
        + address()
        + ", "
        + tlsMode
        + ", "
        + (authenticates() ? "login, password hidden" : "no login")
        + "]";
  }
}
