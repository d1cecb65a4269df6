package dev.flowconnections.runtime.ai;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names tools go to the model under. MCP allows names the providers refuse (OpenAI and
 * Anthropic take {@code [a-zA-Z0-9_-]{1,64}}, Gemini must start with a letter or underscore), so a
 * name outside that is offered under a safe alias (other characters as {@code _}, a leading {@code
 * _} where needed, cut to 64, numbered when two collide) and mapped back when the model calls it.
 */
final class ToolNames {

  static final int MAX_LENGTH = 64;

  private final Map<String, String> toolByAlias = new LinkedHashMap<>();
  private final Map<String, String> aliasByTool = new HashMap<>();

  ToolNames(List<ToolSpec> tools) {
    tools.forEach(tool -> alias(tool.name()));
  }

  /** The name the model sees for {@code tool}. */
  String aliasOf(String tool) {
    return aliasByTool.get(tool);
  }

  /** The tool the model meant by {@code alias}, if any. */
  Optional<String> toolFor(String alias) {
    return Optional.ofNullable(toolByAlias.get(alias));
  }

  /** The names the model sees, in the server's order. */
  List<String> aliases() {
    return List.copyOf(toolByAlias.keySet());
  }

  private void alias(String tool) {
    if (aliasByTool.containsKey(tool)) {
      return;
    }
    String base = safe(tool);
    String alias = base;
    for (int n = 2; toolByAlias.containsKey(alias); n++) {
      String suffix = "_" + n;
      alias = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
    }
    toolByAlias.put(alias, tool);
    aliasByTool.put(tool, alias);
  }

  static String safe(String name) {
    String safe = name.replaceAll("[^a-zA-Z0-9_-]", "_");
    if (safe.isEmpty() || !Character.isLetter(safe.charAt(0)) && safe.charAt(0) != '_') {
      safe = "_" + safe;
    }
    return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH) : safe;
  }
}
