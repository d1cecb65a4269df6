package dev.flowconnections.runtime.testsupport;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.HandlerRegistry;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A Zeebe gateway that demands OIDC, as a self-managed cluster with Identity does: a gRPC proxy on
 * an ephemeral loopback port in front of the in-memory engine's (unauthenticated) gateway. Every
 * call must carry {@code authorization: Bearer <jwt>} signed by a key of the authorization server's
 * JWKS, issued by it, not expired (no clock skew allowed, so short-lived tokens really expire) and
 * meant for {@code audience}; anything else ends with UNAUTHENTICATED before a byte reaches the
 * engine.
 *
 * <p>The proxy knows no Zeebe service: a fallback registry answers every method name with a
 * byte-array handler that forwards the call as it is (unary and streaming, with flow control). It
 * records each distinct token it accepted and counts refusals, so a test can prove that a client
 * refreshed its token and that the gateway did check.
 */
public final class OidcGatewayProxy implements AutoCloseable {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final ManagedChannel engine;
  private final Server server;
  private final Set<String> acceptedTokens = Collections.synchronizedSet(new LinkedHashSet<>());
  private final List<Jwt> acceptedJwts = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger refusals = new AtomicInteger();

  private OidcGatewayProxy(String engineAddress, JwtDecoder tokens, ServerCredentials credentials) {
    this.engine =
        Grpc.newChannelBuilder(engineAddress, InsecureChannelCredentials.create()).build();
    try {
      this.server =
          NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials)
              .fallbackHandlerRegistry(new ForwardEveryMethod(new Forwarding(engine)))
              .intercept(new BearerTokenCheck(tokens))
              .build()
              .start();
    } catch (IOException e) {
      engine.shutdownNow();
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param engineAddress the engine's gateway, {@code host:port} (plaintext)
   * @param jwkSetUri the authorization server's JWKS
   * @param issuer the {@code iss} every token must carry
   * @param audience the {@code aud} every token must contain
   * @param credentials how the proxy itself listens: {@code InsecureServerCredentials} or TLS
   */
  public static OidcGatewayProxy start(
      String engineAddress,
      String jwkSetUri,
      String issuer,
      String audience,
      ServerCredentials credentials) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
    List<OAuth2TokenValidator<Jwt>> checks =
        List.of(
            new JwtTimestampValidator(Duration.ZERO),
            new JwtIssuerValidator(issuer),
            new JwtClaimValidator<List<String>>(
                "aud", aud -> aud != null && aud.contains(audience)));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
    return new OidcGatewayProxy(engineAddress, decoder, credentials);
  }

  public int port() {
    return server.getPort();
  }

  /** Every distinct access token a call was let through with, in the order first seen. */
  public List<String> acceptedTokens() {
    synchronized (acceptedTokens) {
      return List.copyOf(acceptedTokens);
    }
  }

  /** The decoded form of {@link #acceptedTokens()}, same order. */
  public List<Jwt> acceptedJwts() {
    synchronized (acceptedJwts) {
      return List.copyOf(acceptedJwts);
    }
  }

  /** How many calls were refused with UNAUTHENTICATED. */
  public int refusals() {
    return refusals.get();
  }

  @Override
  public void close() {
    server.shutdownNow();
    engine.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
      engine.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The gateway's authentication: a verified bearer JWT or UNAUTHENTICATED. */
  private final class BearerTokenCheck implements ServerInterceptor {

    private final JwtDecoder tokens;

    BearerTokenCheck(JwtDecoder tokens) {
      this.tokens = tokens;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String header = headers.get(AUTHORIZATION);
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return refuse(call, "a bearer token is required");
      }
      String token = header.substring(7).trim();
      Jwt jwt;
      try {
        jwt = tokens.decode(token);
      } catch (JwtException e) {
        return refuse(call, "invalid token: " + e.getMessage());
      }
      if (acceptedTokens.add(token)) {
        acceptedJwts.add(jwt);
      }
      return next.startCall(call, headers);
    }

    private <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String why) {
      refusals.incrementAndGet();
      call.close(Status.UNAUTHENTICATED.withDescription(why), new Metadata());
      return new ServerCall.Listener<>() {};
    }
  }

  /** Answers any method name with the forwarding handler, messages as raw bytes. */
  private static final class ForwardEveryMethod extends HandlerRegistry {

    private static final MethodDescriptor.Marshaller<byte[]> BYTES =
        new MethodDescriptor.Marshaller<>() {
          @Override
          public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
          }

          @Override
          public byte[] parse(InputStream stream) {
            try {
              return stream.readAllBytes();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };

    private final ServerCallHandler<byte[], byte[]> handler;

    ForwardEveryMethod(ServerCallHandler<byte[], byte[]> handler) {
      this.handler = handler;
    }

    @Override
    public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
      MethodDescriptor<byte[], byte[]> method =
          MethodDescriptor.newBuilder(BYTES, BYTES)
              .setFullMethodName(methodName)
              .setType(MethodDescriptor.MethodType.UNKNOWN)
              .build();
      return ServerMethodDefinition.create(method, handler);
    }
  }

  /**
   * Pairs each incoming call with a call to the engine and pumps messages both ways, one at a time:
   * the next message is requested from one side only when the other side is ready for it, so a
   * streaming call (job activation) never buffers without bound.
   */
  private static final class Forwarding implements ServerCallHandler<byte[], byte[]> {

    private final ManagedChannel engine;

    Forwarding(ManagedChannel engine) {
      this.engine = engine;
    }

    @Override
    public ServerCall.Listener<byte[]> startCall(
        ServerCall<byte[], byte[]> incoming, Metadata headers) {
      // the caller's deadline holds for the engine too (a job poll ends when the worker gives up)
      ClientCall<byte[], byte[]> outgoing =
          engine.newCall(
              incoming.getMethodDescriptor(),
              CallOptions.DEFAULT.withDeadline(Context.current().getDeadline()));
      Pump pump = new Pump(incoming, outgoing);
      headers.discardAll(AUTHORIZATION); // the engine has no use for the caller's credential
      outgoing.start(pump.fromEngine, headers);
      incoming.request(1);
      outgoing.request(1);
      return pump.fromCaller;
    }
  }

  private static final class Pump {

    final ServerCall<byte[], byte[]> incoming;
    final ClientCall<byte[], byte[]> outgoing;
    final FromCaller fromCaller = new FromCaller();
    final FromEngine fromEngine = new FromEngine();

    Pump(ServerCall<byte[], byte[]> incoming, ClientCall<byte[], byte[]> outgoing) {
      this.incoming = incoming;
      this.outgoing = outgoing;
    }

    /** Caller → engine. */
    final class FromCaller extends ServerCall.Listener<byte[]> {
      private boolean waitingForEngine; // guarded by this

      @Override
      public void onMessage(byte[] message) {
        outgoing.sendMessage(message);
        synchronized (this) {
          if (outgoing.isReady()) {
            incoming.request(1);
          } else {
            waitingForEngine = true;
          }
        }
      }

      @Override
      public void onHalfClose() {
        outgoing.halfClose();
      }

      @Override
      public void onCancel() {
        outgoing.cancel("the caller cancelled", null);
      }

      @Override
      public void onReady() {
        fromEngine.callerReady();
      }

      synchronized void engineReady() {
        if (waitingForEngine) {
          waitingForEngine = false;
          incoming.request(1);
        }
      }
    }

    /** Engine → caller. */
    final class FromEngine extends ClientCall.Listener<byte[]> {
      private boolean waitingForCaller; // guarded by this

      @Override
      public void onHeaders(Metadata headers) {
        incoming.sendHeaders(headers);
      }

      @Override
      public void onMessage(byte[] message) {
        incoming.sendMessage(message);
        synchronized (this) {
          if (incoming.isReady()) {
            outgoing.request(1);
          } else {
            waitingForCaller = true;
          }
        }
      }

      @Override
      public void onClose(Status status, Metadata trailers) {
        incoming.close(status, trailers);
      }

      @Override
      public void onReady() {
        fromCaller.engineReady();
      }

      synchronized void callerReady() {
        if (waitingForCaller) {
          waitingForCaller = false;
          outgoing.request(1);
        }
      }
    }
  }
}
