package dev.flowconnections.runtime.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A hand-written TCP server of the tests on a free loopback port: it accepts until closed and
 * serves each connection on a virtual thread of its own. Subclasses say how to serve one.
 */
public abstract class LoopbackServer implements AutoCloseable {

  private final ServerSocket listener;

  protected LoopbackServer() {
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts accepting; call it once the subclass is constructed (its fields are what serving uses).
   */
  protected final void acceptInBackground() {
    Thread.ofVirtual().name(getClass().getSimpleName()).start(this::acceptLoop);
  }

  /** Serves one connection; the server does not close the socket itself. */
  protected abstract void serve(Socket client);

  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread.ofVirtual().start(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }
}
