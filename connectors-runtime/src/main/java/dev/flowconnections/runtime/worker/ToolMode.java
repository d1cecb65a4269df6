package dev.flowconnections.runtime.worker;

import dev.flowconnections.templates.ElementTemplateGenerator;
import io.camunda.connector.api.outbound.JobContext;

/**
 * Whether a job runs a tool node of an AI agent (its template sets the task header {@value
 * ElementTemplateGenerator#AGENT_TOOL_HEADER}): the model then supplies some of its inputs, and a
 * worker insists on the bounds the modeller must set for such a tool.
 */
public final class ToolMode {

  private ToolMode() {}

  public static boolean isAgentTool(JobContext job) {
    return job != null
        && "true".equals(job.getCustomHeaders().get(ElementTemplateGenerator.AGENT_TOOL_HEADER));
  }
}
