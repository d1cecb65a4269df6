package dev.flowconnections.templates.node;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One node of a {@link WorkerDescriptor}: its template's id suffix, name and description, the BPMN
 * element it applies to, and, for a tool of an AI agent, what the model supplies.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface NodeTemplate {

  /** Suffix of the template id ({@code io.flowconnections.<id>}); never changes once published. */
  String id();

  String label();

  String description();

  /** The BPMN element the template applies to. */
  Element element() default Element.SERVICE_TASK;

  /**
   * For a tool node, placed inside an agent's ad-hoc sub-process: what the agent tells the model
   * the tool does, when the element has no documentation. Empty for a plain task.
   */
  String toolDescription() default "";

  /** For a tool node: the inputs whose values the model supplies, through FEEL {@code fromAi}. */
  ToolInput[] toolInputs() default {};

  /** The BPMN elements a node template can apply to. */
  enum Element {
    /** A service task run by the worker's job. */
    SERVICE_TASK,
    /**
     * An ad-hoc sub-process whose job the worker completes with the inner elements to activate (an
     * AI agent and its tools).
     */
    AD_HOC_SUB_PROCESS
  }
}
