package dev.flowconnections.demo;

import io.grpc.ServerBuilder;
import io.grpc.ServerProvider;
import io.grpc.netty.NettyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Makes every gRPC server of this JVM that asks for a port listen on the loopback interface only.
 * The demo's in-memory Zeebe engine ({@link DemoEngineConfiguration}) is such a server: it has no
 * authentication, and {@code EngineFactory.create(port)} of zeebe-process-test-engine 8.8 offers no
 * bind address (it calls {@code ServerBuilder.forPort}, all interfaces). gRPC chooses the server
 * provider of highest priority found by {@link java.util.ServiceLoader} (registered in {@code
 * META-INF/services/io.grpc.ServerProvider} of this module), so the engine gets a Netty server on
 * 127.0.0.1 instead. Only this demo module carries it; the runtime itself serves no gRPC.
 */
public final class LoopbackGrpcServerProvider extends ServerProvider {

  /** Above grpc-netty's own provider (5). */
  private static final int PRIORITY = 10;

  @Override
  protected boolean isAvailable() {
    return true;
  }

  @Override
  protected int priority() {
    return PRIORITY;
  }

  @Override
  protected ServerBuilder<?> builderForPort(int port) {
    return NettyServerBuilder.forAddress(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }
}
