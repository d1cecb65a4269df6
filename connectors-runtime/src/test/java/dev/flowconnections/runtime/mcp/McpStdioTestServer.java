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
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      Thread.sleep(60_000);
                    } catch (InterruptedException ignored) {
                      // killed
                    }
                  }));
    }
    if (args.length > 1 && args[0].equals("--print-env")) {
      // a chatty server that logs its configuration, secrets included
      System.err.println("starting with " + args[1] + "=" + System.getenv(args[1]));
    }
    if (args.length > 1 && args[0].equals("--require-env") && System.getenv(args[1]) == null) {
      // as a real server would say it on startup
      System.err.println("fatal: " + args[1] + " is not set");
      System.exit(3);
    }
    // a server that dies in the middle of a call
    var crash =
        McpTestTools.tool(
            "crash",
            "Ends the server process with exit code 7",
            java.util.Map.of("type", "object"),
            arguments -> {
              System.err.println("crashing on purpose");
              System.exit(7);
              return null;
            });
    McpTestTools.serve(
        new StdioServerTransportProvider(McpTestTools.JSON, System.in, protocol),
        java.util.List.of(crash));
    Thread.currentThread().join();
  }
}
