package dev.flowconnections.runtime.mcp;

import java.time.Duration;

/**
 * How long to wait for an MCP server: {@code connect} for the transport and the initialize
 * handshake (a STDIO server's start included), {@code request} for each call after that.
 */
public record McpTimeouts(Duration connect, Duration request) {

  public static final McpTimeouts DEFAULT =
      new McpTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(60));

  public McpTimeouts {
    if (connect == null || connect.isNegative() || connect.isZero()) {
      throw new IllegalArgumentException("connect timeout must be positive");
    }
    if (request == null || request.isNegative() || request.isZero()) {
      throw new IllegalArgumentException("request timeout must be positive");
    }
  }

  public static McpTimeouts ofSeconds(int connectSeconds, int requestSeconds) {
    return new McpTimeouts(Duration.ofSeconds(connectSeconds), Duration.ofSeconds(requestSeconds));
  }
}
