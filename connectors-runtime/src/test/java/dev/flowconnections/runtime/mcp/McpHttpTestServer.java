package dev.flowconnections.runtime.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real MCP server over Streamable HTTP or SSE, the SDK's servlet transports in an embedded Tomcat
 * on a free port. Every request must carry {@code requiredHeaders}, else it gets 401 (as a server
 * behind an API gateway would); the headers of each request are recorded.
 */
public final class McpHttpTestServer implements AutoCloseable {

  private final Tomcat tomcat;
  private final McpSyncServer server;
  private final String path;
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

  private McpHttpTestServer(
      HttpServlet transport, McpSyncServer server, String path, Map<String, String> requiredHeaders)
      throws Exception {
    this.server = server;
    this.path = path;
    tomcat = new Tomcat();
    tomcat.setPort(0);
    tomcat.setBaseDir(Files.createTempDirectory("mcp-tomcat").toString());
    Context context = tomcat.addContext("", null);
    Wrapper wrapper = context.createWrapper();
    wrapper.setName("mcp");
    wrapper.setServlet(transport);
    wrapper.setAsyncSupported(true);
    context.addChild(wrapper);
    context.addServletMappingDecoded("/*", "mcp");
    FilterDef filter = new FilterDef();
    filter.setFilterName("auth");
    filter.setFilter(authFilter(requiredHeaders));
    filter.setAsyncSupported("true");
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("auth");
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);
    tomcat.start();
  }

  /** Streamable HTTP, requiring the bearer token {@link McpTestConnections#TOKEN}. */
  public static McpHttpTestServer streamableWithTestToken() {
    try {
      return streamable(Map.of("Authorization", "Bearer " + McpTestConnections.TOKEN));
    } catch (Exception e) {
      throw new IllegalStateException("the MCP test server did not start", e);
    }
  }

  public static McpHttpTestServer streamable(Map<String, String> requiredHeaders) throws Exception {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(McpTestTools.JSON)
            .mcpEndpoint("/mcp")
            .contextExtractor(
                request ->
                    McpTransportContext.create(
                        java.util.Collections.list(request.getHeaderNames()).stream()
                            .collect(
                                java.util.stream.Collectors.toMap(
                                    name -> name.toLowerCase(),
                                    name -> (Object) request.getHeader(name),
                                    (a, b) -> a))))
            .build();
    return new McpHttpTestServer(transport, McpTestTools.serve(transport), "/mcp", requiredHeaders);
  }

  public static McpHttpTestServer sse(Map<String, String> requiredHeaders) throws Exception {
    HttpServletSseServerTransportProvider transport =
        HttpServletSseServerTransportProvider.builder()
            .jsonMapper(McpTestTools.JSON)
            .sseEndpoint("/sse")
            .messageEndpoint("/message")
            .build();
    return new McpHttpTestServer(transport, McpTestTools.serve(transport), "/sse", requiredHeaders);
  }

  public String url() {
    return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + path;
  }

  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  /** The headers (lower-case names) of every request the server received, in order. */
  public List<Map<String, String>> requests() {
    return requests;
  }

  private Filter authFilter(Map<String, String> requiredHeaders) {
    return (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      java.util.Collections.list(http.getHeaderNames())
          .forEach(name -> headers.put(name.toLowerCase(), http.getHeader(name)));
      requests.add(headers);
      boolean authorized =
          requiredHeaders.entrySet().stream()
              .allMatch(required -> required.getValue().equals(http.getHeader(required.getKey())));
      if (!authorized) {
        ((HttpServletResponse) response).sendError(401);
        return;
      }
      chain.doFilter(request, response);
    };
  }

  @Override
  public void close() throws Exception {
    server.close();
    tomcat.stop();
    tomcat.destroy();
  }
}
