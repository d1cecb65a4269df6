package dev.flowconnections.fields;

import dev.flowconnections.errors.ValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The MCP STDIO command lines a runtime may start, configured by whoever operates it ({@value
 * #PROPERTY}). One runtime serves every organization, so neither a user nor an organization's admin
 * may choose what runs on its host: an integration's {@code command} must equal one entry exactly
 * (after trimming), arguments included. Arguments are not free because an interpreter with free
 * arguments ({@code node -e ...}, {@code sh -c ...}, {@code python -c ...}) is arbitrary code; the
 * operator lists whole command lines and is responsible for not listing such interpreters. Empty
 * (the default) refuses STDIO altogether.
 */
public final class StdioCommands {

  public static final String PROPERTY = "flow-connections.mcp.stdio.allowed-commands";
  public static final StdioCommands NONE = new StdioCommands(List.of());

  private final List<String> allowed;

  public StdioCommands(Collection<String> allowed) {
    this.allowed =
        allowed == null
            ? List.of()
            : allowed.stream()
                .filter(Objects::nonNull)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
  }

  public boolean allows(String commandLine) {
    return commandLine != null && allowed.contains(commandLine.trim());
  }

  /** Why {@code commandLine} may not run, for admins (integration save) and incidents. */
  public String refusal() {
    return allowed.isEmpty()
        ? "STDIO servers are refused: this runtime allows no command (its operator lists them in "
            + PROPERTY
            + ")"
        : "is not one of the STDIO commands this runtime allows (its operator lists them in "
            + PROPERTY
            + ")";
  }

  /** Integration save: a STDIO transport needs an allowed command. */
  public void check(Map<String, Object> values, String path, ValidationException.Collector errors) {
    if (!"STDIO".equals(values.get("transport"))) {
      return;
    }
    Object command = values.get("command");
    if (command != null && !allows(String.valueOf(command))) {
      errors.add(path + "command", refusal());
    }
  }
}
