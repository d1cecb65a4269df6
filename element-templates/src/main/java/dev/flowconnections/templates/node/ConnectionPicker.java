package dev.flowconnections.templates.node;

import dev.flowconnections.integration.IntegrationType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request component that names a connection of another integration type than the node's own, e.g.
 * the MCP connection whose tools an AI Agent may call. Its template property is a dropdown of those
 * connections, led by "None". (The node's own connection is the component {@code connection}.)
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ConnectionPicker {

  IntegrationType value();
}
