package dev.flowconnections.runtime.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A TCP listener on a loopback address that only counts the connections it accepts. */
final class CountingServer implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger accepted = new AtomicInteger();

  CountingServer(String address) {
    try {
      socket = new ServerSocket(0, 50, InetAddress.getByName(address));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual()
        .start(
            () -> {
              while (!socket.isClosed()) {
                try (Socket ignored = socket.accept()) {
                  accepted.incrementAndGet();
                } catch (IOException e) {
                  return;
                }
              }
            });
  }

  String url() {
    return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  int accepted() {
    return accepted.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
