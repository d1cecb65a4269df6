package dev.flowconnections.templates.node;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request component the engine supplies, not the modeller (e.g. the ad-hoc sub-process's {@code
 * adHocSubProcessElements}): fetched with the job like any input, but not a template property.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface EngineVariable {}
