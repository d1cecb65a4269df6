package dev.flowconnections.templates.node;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request component filled from the connection's imported OpenAPI document instead of a plain
 * template property: {@value WorkerDescriptors#OPERATION} (the Operation dropdown, offered for
 * connections whose integration has a document) or {@value WorkerDescriptors#PATH_PARAMETERS} (one
 * input per path parameter of the chosen operation). A node with them hides its {@code method} and
 * {@code path} inputs while an operation is chosen, since the operation supplies both.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OperationInput {}
