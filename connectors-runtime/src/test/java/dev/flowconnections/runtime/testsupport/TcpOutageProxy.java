package dev.flowconnections.runtime.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder in front of a real server (PostgreSQL), with a switch: {@link #cut()}
 * drops every open connection and refuses new ones until {@link #restore()}. To the application it
 * looks like the server went away and came back, without stopping a server other tests share.
 */
public final class TcpOutageProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean down;

  public TcpOutageProxy(String targetHost, int targetPort) {
    try {
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.target = new InetSocketAddress(targetHost, targetPort);
    Thread.ofVirtual().name("tcp-outage-proxy").start(this::accept);
  }

  public int port() {
    return listener.getLocalPort();
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
    closeQuietly(listener);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (down) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(server);
        Thread.ofVirtual().start(() -> pump(client, server));
        Thread.ofVirtual().start(() -> pump(server, client));
      } catch (IOException e) {
        // listener closed, or the target refused: the client sees its socket closed
      }
    }
  }

  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
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
