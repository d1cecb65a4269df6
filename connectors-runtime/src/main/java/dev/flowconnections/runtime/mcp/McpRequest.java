package dev.flowconnections.runtime.mcp;

import dev.flowconnections.templates.node.TemplateProperty;
import dev.flowconnections.templates.node.TemplateProperty.ShownWhen;
import dev.flowconnections.templates.node.TemplateProperty.Type;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * The input of an MCP Tool task: list the tools of the connection's server, or call one with {@code
 * arguments} (a FEEL context, or a JSON object as text).
 */
public record McpRequest(
    @NotBlank String connection,
    @TemplateProperty(
            label = "Operation",
            group = "tool",
            type = Type.DROPDOWN,
            choices = {LIST_TOOLS, CALL_TOOL},
            defaultValue = CALL_TOOL,
            description =
                "listTools returns {server, tools}; callTool returns {content, text, structuredContent, isError}")
        @NotBlank
        @Pattern(regexp = LIST_TOOLS + "|" + CALL_TOOL, message = "must be listTools or callTool")
        String operation,
    @TemplateProperty(
            label = "Tool name",
            group = "tool",
            required = true,
            shownWhen = @ShownWhen(property = "operation", oneOf = CALL_TOOL),
            description =
                "As listTools names it; a name the server does not have is an incident listing the ones it has")
        String toolName,
    @TemplateProperty(
            label = "Arguments",
            group = "tool",
            shownWhen = @ShownWhen(property = "operation", oneOf = CALL_TOOL),
            description = "A FEEL context, e.g. ={city: customer.city}, or a JSON object as text")
        Object arguments,
    @TemplateProperty(
            label = "Connect timeout (s)",
            group = "timeout",
            defaultValue = "" + DEFAULT_CONNECT_TIMEOUT,
            description =
                "{min} to {max}: connecting and the handshake, a STDIO server's start included")
        @Min(1)
        @Max(MAX_CONNECT_TIMEOUT)
        Integer connectTimeoutInSeconds,
    @TemplateProperty(
            label = "Request timeout (s)",
            group = "timeout",
            defaultValue = "" + DEFAULT_REQUEST_TIMEOUT,
            description = "{min} to {max}: the tool call")
        @Min(1)
        @Max(MAX_REQUEST_TIMEOUT)
        Integer requestTimeoutInSeconds) {

  public static final String LIST_TOOLS = "listTools";
  public static final String CALL_TOOL = "callTool";
  public static final int DEFAULT_CONNECT_TIMEOUT = 20;
  public static final int MAX_CONNECT_TIMEOUT = 120;
  public static final int DEFAULT_REQUEST_TIMEOUT = 60;

  /**
   * Below the job workers' default job timeout (5 minutes), so a slow tool never runs twice at
   * once.
   */
  public static final int MAX_REQUEST_TIMEOUT = 240;

  public McpRequest {
    connectTimeoutInSeconds =
        connectTimeoutInSeconds == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeoutInSeconds;
    requestTimeoutInSeconds =
        requestTimeoutInSeconds == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeoutInSeconds;
  }

  @AssertTrue(message = "toolName is required to call a tool")
  public boolean isToolNamedForCallTool() {
    return !CALL_TOOL.equals(operation) || toolName != null && !toolName.isBlank();
  }

  public boolean isCallTool() {
    return CALL_TOOL.equals(operation);
  }

  public McpTimeouts timeouts() {
    return new McpTimeouts(
        Duration.ofSeconds(connectTimeoutInSeconds), Duration.ofSeconds(requestTimeoutInSeconds));
  }
}
