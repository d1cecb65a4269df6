package dev.flowconnections.runtime.mcp;

import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.PrintStream;

/**
 * The in-test MCP server over STDIO, started by tests as its own JVM ({@code java -cp <test
 * classpath> ...McpStdioTestServer}). Standard output carries the protocol only: everything else
 * printed (log lines) goes to standard error.
 */
public final class McpStdioTestServer {

  private McpStdioTestServer() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream protocol = System.out;
    System.setOut(System.err);
    if (args.length > 0 && args[0].equals("--ignore-sigterm")) {
      // stands in for a server that does not end when asked to
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException ignored) {
          // killed
        }
      }));
    }
    McpTestTools.serve(new StdioServerTransportProvider(McpTestTools.JSON, System.in, protocol));
    Thread.currentThread().join();
  }
}
