package dev.flowconnections.templates.node;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a component of a worker's request record appears in its node templates. What the record
 * already says is not repeated here: the input's name is the component's, whether it is required
 * follows from {@code @NotBlank}/{@code @NotNull}/{@code @NotEmpty}, an enum's constants are the
 * choices, and {@code {min}}/{@code {max}} in the description are its {@code @Min}/{@code @Max} (or
 * {@code @DecimalMin}/{@code @DecimalMax}, {@code @Size}) limits.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface TemplateProperty {

  String label();

  /** The id of one of the worker's {@link WorkerDescriptor#groups()}. */
  String group();

  String description() default "";

  /**
   * AUTO: Boolean is a checkbox, Integer a number, an enum a dropdown, anything else a text field.
   */
  Type type() default Type.AUTO;

  /**
   * AUTO: a map or a document must be FEEL, other text may be, numbers, checkboxes and dropdowns
   * are not.
   */
  Feel feel() default Feel.AUTO;

  /**
   * Required in the template although the record accepts it missing, because the worker checks it
   * depending on other inputs (e.g. a tool name only for the callTool operation).
   */
  boolean required() default false;

  /** The value a new task starts with, as text; a number for a Number, true/false for a Boolean. */
  String defaultValue() default "";

  /** A dropdown's values for a String component (an enum's come from its constants). */
  String[] choices() default {};

  /** Shown only while another input has one of some values; unset: always shown. */
  ShownWhen shownWhen() default
      @ShownWhen(
          property = "",
          oneOf = {});

  enum Type {
    AUTO,
    STRING,
    TEXT,
    DROPDOWN,
    BOOLEAN,
    NUMBER
  }

  enum Feel {
    AUTO,
    OPTIONAL,
    REQUIRED,
    NONE
  }

  /** Condition of a conditional input: {@code property} has one of {@code oneOf}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({})
  @interface ShownWhen {
    String property();

    String[] oneOf();
  }
}
