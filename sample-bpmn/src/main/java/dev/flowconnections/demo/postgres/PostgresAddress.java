package dev.flowconnections.demo.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * The server a {@code jdbc:postgresql://host[:port]/database[?options]} URL points at, and the rest
 * of the URL, so that the same database and options can be served from another server.
 */
record PostgresAddress(String host, int port, String databaseAndOptions) {

  private static final String PREFIX = "jdbc:postgresql://";
  private static final int DEFAULT_PORT = 5432;

  /** Empty for URLs this cannot stand in for (another driver, several hosts, no database). */
  static Optional<PostgresAddress> parse(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    String server = rest.substring(0, slash);
    if (server.contains(",")) {
      return Optional.empty();
    }
    int colon = server.lastIndexOf(':');
    boolean hasPort = colon > server.lastIndexOf(']');
    try {
      int port = hasPort ? Integer.parseInt(server.substring(colon + 1)) : DEFAULT_PORT;
      String host = hasPort ? server.substring(0, colon) : server;
      return Optional.of(
          new PostgresAddress(
              host.replace("[", "").replace("]", ""), port, rest.substring(slash + 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether anything accepts a connection there. Only the TCP handshake: a server that answers but
   * refuses the login is a live server with a wrong setting, not a missing one.
   */
  boolean answers(Duration timeout) {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      return true; // a host name that does not resolve is a setting to correct, left to the usual
      // start-up failure
    }
    try (Socket socket = new Socket()) {
      socket.connect(address, (int) timeout.toMillis());
      return true;
    } catch (IOException refusedOrSilent) {
      return false;
    }
  }

  String database() {
    int query = databaseAndOptions.indexOf('?');
    return query < 0 ? databaseAndOptions : databaseAndOptions.substring(0, query);
  }

  /** The same database and options on a server on this machine. */
  String onLocalPort(int localPort) {
    return PREFIX + "127.0.0.1:" + localPort + "/" + databaseAndOptions;
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
