package dev.flowconnections.templates.node;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An input of a tool node whose value the model supplies: its template value becomes {@code
 * =fromAi(toolCall.<input>, "<description>", "<type>")}, which the engine reads to describe the
 * tool's parameters to the agent and evaluates with the model's arguments when the tool runs. The
 * modeller can still edit it (a fixed value, or a FEEL expression around {@code fromAi}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface ToolInput {

  /** The name of a component of the worker's request record. */
  String input();

  /** What the model is told the parameter is. */
  String description() default "";

  /** A JSON schema type: string, number, integer, boolean, object or array. */
  String type() default "string";

  /**
   * The whole FEEL value instead of the one-parameter default, e.g. a context of several {@code
   * fromAi} calls.
   */
  String value() default "";
}
