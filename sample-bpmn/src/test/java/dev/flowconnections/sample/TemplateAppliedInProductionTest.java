package dev.flowconnections.sample;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The templated process in a PRODUCTION runtime. */
class TemplateAppliedInProductionTest extends TemplateAppliedProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.PRODUCTION);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  TemplateAppliedInProductionTest() {
    super(RUNTIME);
  }
}
