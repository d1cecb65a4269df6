package dev.flowconnections.runtime.testsupport;

import dev.flowconnections.testsupport.PostgresTestSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A loopback TCP forwarder in front of a real server (PostgreSQL), with a switch: {@link #cut()}
 * drops every open connection and refuses new ones until {@link #restore()}. To the application it
 * looks like the server went away and came back, without stopping a server other tests share.
 */
public final class TcpOutageProxy extends LoopbackServer {

  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean down;

  public TcpOutageProxy(String targetHost, int targetPort) {
    this.target = new InetSocketAddress(targetHost, targetPort);
    acceptInBackground();
  }

  /** A proxy in front of the tests' PostgreSQL server ({@link PostgresTestSchema#URL}). */
  public static TcpOutageProxy forTestDatabase() {
    URI database = testDatabase();
    return new TcpOutageProxy(database.getHost(), database.getPort());
  }

  /**
   * Points the runtime's datasource at the test schema through this proxy, with a connection
   * timeout of a few seconds: requests during an outage fail well within the tests' waits instead
   * of queueing for Hikari's default 30 s, while the start-up of a runtime on a loaded 2-core
   * machine (Flyway waiting for a second pooled connection) still gets its connections; one second
   * was too short there.
   */
  public void registerAsDatasource(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:postgresql://127.0.0.1:"
                + port()
                + testDatabase().getPath()
                + "?currentSchema="
                + PostgresTestSchema.schema());
    registry.add("spring.datasource.hikari.connection-timeout", () -> "5000");
  }

  private static URI testDatabase() {
    return URI.create(PostgresTestSchema.URL.substring("jdbc:".length()));
  }

  /** Every open connection is closed now, and every new one at once, until {@link #restore()}. */
  public void cut() {
    down = true;
    open.forEach(TcpOutageProxy::closeQuietly);
    open.clear();
  }

  public void restore() {
    down = false;
  }

  @Override
  public void close() {
    cut();
    super.close();
  }

  @Override
  protected void serve(Socket client) {
    if (down) {
      closeQuietly(client);
      return;
    }
    try {
      Socket server = new Socket(target.getAddress(), target.getPort());
      open.add(client);
      open.add(server);
      if (down) { // cut while connecting
        cut();
        return;
      }
      Thread.ofVirtual().start(() -> pump(server, client));
      pump(client, server);
    } catch (IOException e) {
      closeQuietly(client); // the target refused: the client sees its socket closed
    }
  }

  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // one side went away
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
