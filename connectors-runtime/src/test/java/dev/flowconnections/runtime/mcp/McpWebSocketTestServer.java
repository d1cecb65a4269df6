package dev.flowconnections.runtime.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.websocket.server.WsSci;
import reactor.core.publisher.Mono;

/**
 * A real MCP server over WebSocket: the SDK's server sessions (the same ones its HTTP and STDIO
 * transports use) behind a Jakarta WebSocket endpoint in an embedded Tomcat on a free port, one
 * JSON-RPC message per text message. The SDK has no WebSocket transport; this small bridge is the
 * server side of {@link WebSocketClientTransport}'s convention. The opening handshake must carry
 * {@code requiredHeaders}, else it gets 401.
 */
final class McpWebSocketTestServer implements AutoCloseable {

  private final Tomcat tomcat;
  private final McpSyncServer server;
  private final Provider provider = new Provider();
  private final List<Map<String, String>> handshakes = new CopyOnWriteArrayList<>();

  McpWebSocketTestServer(Map<String, String> requiredHeaders) throws Exception {
    server = McpTestTools.serve(provider);
    tomcat = new Tomcat();
    tomcat.setPort(0);
    tomcat.setBaseDir(Files.createTempDirectory("mcp-ws-tomcat").toString());
    Context context = tomcat.addContext("", null);
    context.addServletContainerInitializer(new WsSci(), null);
    context.addApplicationListener(Registration.class.getName());
    // filters (ours and the WebSocket upgrade filter) only run for requests that map to a servlet
    org.apache.catalina.Wrapper fallback = context.createWrapper();
    fallback.setName("notFound");
    fallback.setServlet(
        new jakarta.servlet.http.HttpServlet() {
          @Override
          protected void service(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            response.sendError(404);
          }
        });
    context.addChild(fallback);
    context.addServletMappingDecoded("/", "notFound");
    FilterDef filter = new FilterDef();
    filter.setFilterName("auth");
    filter.setFilter(
        (request, response, chain) -> {
          HttpServletRequest http = (HttpServletRequest) request;
          Map<String, String> headers = new java.util.LinkedHashMap<>();
          java.util.Collections.list(http.getHeaderNames())
              .forEach(n -> headers.put(n.toLowerCase(), http.getHeader(n)));
          handshakes.add(headers);
          if (!requiredHeaders.entrySet().stream()
              .allMatch(h -> h.getValue().equals(http.getHeader(h.getKey())))) {
            ((HttpServletResponse) response).sendError(401);
            return;
          }
          chain.doFilter(request, response);
        });
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("auth");
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);
    Registration.pending = provider;
    tomcat.start();
  }

  String url() {
    return "ws://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/mcp";
  }

  List<Map<String, String>> handshakes() {
    return handshakes;
  }

  /** Closes every open WebSocket from the server's side, as a server restart would. */
  void dropConnections() throws IOException {
    for (Session session : provider.sessions.keySet()) {
      session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "restart"));
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
    tomcat.stop();
    tomcat.destroy();
  }

  /**
   * Registers the endpoint once the WebSocket container exists (listeners are created by class
   * name).
   */
  public static final class Registration implements ServletContextListener {
    static volatile Provider pending;

    @Override
    public void contextInitialized(ServletContextEvent event) {
      ServerContainer container =
          (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
      Provider provider = pending;
      try {
        container.addEndpoint(
            ServerEndpointConfig.Builder.create(McpEndpoint.class, "/mcp")
                .subprotocols(List.of(WebSocketClientTransport.SUBPROTOCOL))
                .configurator(
                    new ServerEndpointConfig.Configurator() {
                      @Override
                      @SuppressWarnings("unchecked")
                      public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return (T) new McpEndpoint(provider);
                      }
                    })
                .build());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** One MCP server session per WebSocket. */
  static final class McpEndpoint extends Endpoint {
    private final Provider provider;

    McpEndpoint(Provider provider) {
      this.provider = provider;
    }

    @Override
    public void onOpen(Session socket, EndpointConfig config) {
      socket.setMaxTextMessageBufferSize(1 << 20);
      McpServerSession session = provider.sessionFactory.create(new SocketTransport(socket));
      provider.sessions.put(socket, session);
      socket.addMessageHandler(
          String.class,
          (MessageHandler.Whole<String>)
              text -> {
                try {
                  session
                      .handle(McpSchema.deserializeJsonRpcMessage(McpTestTools.JSON, text))
                      .subscribe();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
    }

    @Override
    public void onClose(Session socket, CloseReason reason) {
      McpServerSession session = provider.sessions.remove(socket);
      if (session != null) {
        session.close();
      }
    }
  }

  static final class Provider implements McpServerTransportProvider {
    volatile McpServerSession.Factory sessionFactory;
    final Map<Session, McpServerSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
      this.sessionFactory = sessionFactory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
      return Mono.whenDelayError(
          sessions.values().stream().map(s -> s.sendNotification(method, params)).toList());
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.whenDelayError(
          sessions.values().stream().map(McpServerSession::closeGracefully).toList());
    }
  }

  /** Sends the server session's messages as text messages of its WebSocket. */
  static final class SocketTransport implements McpServerTransport {
    private final Session socket;

    SocketTransport(Session socket) {
      this.socket = socket;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      return Mono.fromRunnable(
          () -> {
            try {
              String json = McpTestTools.JSON.writeValueAsString(message);
              synchronized (socket) {
                socket.getBasicRemote().sendText(json);
              }
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.fromRunnable(
          () -> {
            try {
              if (socket.isOpen()) {
                socket.close();
              }
            } catch (IOException ignored) {
              // already gone
            }
          });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
      return McpTestTools.JSON.convertValue(data, typeRef);
    }
  }
}
