package dev.flowconnections.sample;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The templated process in a STAGING runtime. */
class TemplateAppliedInStagingTest extends TemplateAppliedProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.STAGING);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  TemplateAppliedInStagingTest() {
    super(RUNTIME);
  }
}
