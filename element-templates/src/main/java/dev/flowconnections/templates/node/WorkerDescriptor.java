package dev.flowconnections.templates.node;

import dev.flowconnections.integration.IntegrationType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Beside a worker's {@code @OutboundConnector}: the element templates (nodes) the worker serves.
 * With the connector annotation's job type and the request record's {@link TemplateProperty}
 * components, it is the single source from which {@link WorkerDescriptors} derives every node's
 * template. Adding an input is an edit of the request record (and of the connector annotation's
 * constant list of fetched variables, which {@link WorkerDescriptors} checks against it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WorkerDescriptor {

  /**
   * The record the worker binds the job's variables to; its components are the template's inputs.
   */
  Class<? extends Record> request();

  /** The integration type of the connections in the node's Connection dropdown. */
  IntegrationType connectionType();

  /** The property groups, in the order the properties panel shows them. */
  TemplateGroup[] groups();

  /**
   * One template per node; several nodes may share a worker (a task and its agent-tool variant).
   */
  NodeTemplate[] nodes();
}
