package dev.flowconnections.templates.node;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One node of a {@link WorkerDescriptor}: its template's id suffix, name and description. */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface NodeTemplate {

  /** Suffix of the template id ({@code io.flowconnections.<id>}); never changes once published. */
  String id();

  String label();

  String description();
}
