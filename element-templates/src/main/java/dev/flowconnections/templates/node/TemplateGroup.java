package dev.flowconnections.templates.node;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A group of the properties panel that {@link TemplateProperty#group()} refers to by id. */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface TemplateGroup {

  String id();

  String label();
}
