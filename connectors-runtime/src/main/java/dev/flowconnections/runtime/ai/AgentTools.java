package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The tools an agent may use during one job, e.g. those of an MCP server session. Closed when the
 * job is done, so a session never outlives the job that opened it.
 */
public interface AgentTools extends AutoCloseable {

  List<ToolSpec> tools();

  /**
   * Calls a tool. A tool that fails (unknown name, bad arguments, an error it reports) returns a
   * {@link ToolOutcome#failure}; only a session that is gone throws.
   */
  ToolOutcome call(String name, JsonNode arguments);

  @Override
  default void close() {}

  /** No tools: a plain chat completion. */
  AgentTools NONE =
      new AgentTools() {
        @Override
        public List<ToolSpec> tools() {
          return List.of();
        }

        @Override
        public ToolOutcome call(String name, JsonNode arguments) {
          return ToolOutcome.failure("no tool named '" + name + "' is available");
        }
      };
}
