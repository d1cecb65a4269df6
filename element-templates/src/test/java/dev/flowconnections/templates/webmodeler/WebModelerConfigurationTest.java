package dev.flowconnections.templates.webmodeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WebModelerConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(WebModelerConfiguration.class)
      .withBean(ObjectMapper.class)
      .withBean(Clock.class, Clock::systemUTC);

  @Test
  void nothingIsPushedUnlessConfigured() {
    runner.run(context -> assertThat(context).doesNotHaveBean(WebModelerPush.class));
  }

  @Test
  void anIncompleteConfigurationStopsTheStartWithoutEchoingTheSecret() {
    runner.withPropertyValues(
            "flow-connections.templates.web-modeler.base-url=https://modeler.example.com",
            "flow-connections.templates.web-modeler.client-secret=do-not-print-me")
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause().hasMessageContaining("project-id, token-url, client-id and client-secret")
            .message().doesNotContain("do-not-print-me"));
  }
}
