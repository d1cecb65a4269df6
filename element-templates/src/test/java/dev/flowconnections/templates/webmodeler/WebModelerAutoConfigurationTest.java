package dev.flowconnections.templates.webmodeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.autoconfigure.FlowConnectionsProperties;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.integration.openapi.ApiSpecRepository;
import dev.flowconnections.templates.AutoPublisher;
import dev.flowconnections.templates.ElementTemplatesAutoConfiguration;
import dev.flowconnections.templates.PublishedTemplate;
import dev.flowconnections.templates.TemplatesProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the auto-configuration creates the push, without a database (its repositories are mocks).
 */
class WebModelerAutoConfigurationTest {

  static final String CLIENT_SECRET = "cs-" + UUID.randomUUID();
  static final FakeWebModeler WEB_MODELER = FakeWebModeler.start(CLIENT_SECRET);
  static final String P = "flow-connections.templates.web-modeler.";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ElementTemplatesAutoConfiguration.class))
          .withUserConfiguration(FlowConnectionsSettings.class)
          .withBean(ObjectMapper.class, ObjectMapper::new)
          .withBean(Clock.class, Clock::systemUTC)
          .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
          .withBean(TransactionTemplate.class, () -> mock(TransactionTemplate.class))
          .withBean(ConnectionRepository.class, () -> mock(ConnectionRepository.class))
          .withBean(ConnectionService.class, () -> mock(ConnectionService.class))
          .withBean(ApiSpecRepository.class, () -> mock(ApiSpecRepository.class))
          .withBean(IntegrationRepository.class, () -> mock(IntegrationRepository.class));

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(FlowConnectionsProperties.class)
  static class FlowConnectionsSettings {}

  @AfterAll
  static void stop() {
    WEB_MODELER.close();
  }

  @Test
  void autoPublishIsOnUnlessSwitchedOff() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(AutoPublisher.class);
          assertThat(context.getBean(TemplatesProperties.class).isAutoPublish()).isTrue();
        });
    runner
        .withPropertyValues("flow-connections.templates.auto-publish=false")
        .run(context -> assertThat(context).doesNotHaveBean(AutoPublisher.class));
  }

  @Test
  void withoutABaseUrlThereIsNoPush() {
    runner
        .withPropertyValues(
            P + "project-id=p1", P + "client-id=c", P + "client-secret=" + CLIENT_SECRET)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(WebModelerPush.class);
            });
  }

  @Test
  void aBaseUrlWithoutCredentialsStopsTheStartNamingWhatIsMissing() {
    runner
        .withPropertyValues(
            P + "base-url=https://modeler.example.com", P + "project-id=p1", P + "client-id=c")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("flow-connections.templates.web-modeler.token-url")
                    .hasMessageContaining("flow-connections.templates.web-modeler.client-secret")
                    .message()
                    .doesNotContain("project-id")
                    .doesNotContain("client-id,"));
  }

  @Test
  void aCompleteConfigurationPushesTheRuntimesOrganizationByDefault() {
    runner
        .withPropertyValues(
            "flow-connections.organization-id=acme",
            P + "base-url=" + WEB_MODELER.baseUrl(),
            P + "project-id=p1",
            P + "token-url=" + WEB_MODELER.tokenUrl(),
            P + "client-id=" + FakeWebModeler.CLIENT_ID,
            P + "client-secret=" + CLIENT_SECRET)
        .run(
            context -> {
              WebModelerPush push = context.getBean(WebModelerPush.class);

              push.published("other", List.of(template()));
              assertThat(WEB_MODELER.requests()).isEmpty();
              push.published("acme", List.of(template()));
              assertThat(WEB_MODELER.file("p1", "Flow Connections: Test")).isPresent();
            });
  }

  private static PublishedTemplate template() {
    var content =
        new ObjectMapper()
            .createObjectNode()
            .put("name", "Flow Connections: Test")
            .put("version", 1);
    return new PublishedTemplate(
        "io.flowconnections.test", 1, content, "hash", Instant.now(), "test");
  }
}
