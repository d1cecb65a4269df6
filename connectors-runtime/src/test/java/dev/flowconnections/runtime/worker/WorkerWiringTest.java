package dev.flowconnections.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.integration.openapi.ApiSpecRepository;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.ai.AiWorkerConfiguration;
import dev.flowconnections.runtime.connectiontest.ConnectionTester;
import dev.flowconnections.runtime.email.EmailWorkerConfiguration;
import dev.flowconnections.runtime.mcp.McpWorkerConfiguration;
import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import dev.flowconnections.runtime.oauth2.TokenEndpointClient;
import dev.flowconnections.runtime.rest.RestLimits;
import dev.flowconnections.runtime.rest.RestWorkerConfiguration;
import dev.flowconnections.runtime.sms.SmsWorkerConfiguration;
import dev.flowconnections.runtime.sql.SqlWorkerConfiguration;
import dev.flowconnections.runtime.storage.StorageLimits;
import dev.flowconnections.runtime.storage.StorageWorkerConfiguration;
import dev.flowconnections.runtime.voice.VoiceCallWorkerConfiguration;
import dev.flowconnections.runtime.voice.VoiceSettings;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/**
 * The eight worker configurations, wired the one way: from one shared WorkerConnections, settings
 * bound as records.
 */
@Tag("fast")
class WorkerWiringTest {

  private final ApplicationContextRunner runtime =
      new ApplicationContextRunner()
          .withBean(
              ConnectionResolver.class,
              () ->
                  (organizationId, key, environment, caller) -> {
                    throw new ConnectionResolutionException("no connections in this test");
                  })
          .withBean(
              RuntimeEnvironment.class,
              () -> new RuntimeEnvironment(Environment.DEVELOPMENT, "default"))
          .withBean(BatchingAuditWriter.class, () -> new BatchingAuditWriter(null, 10, 10))
          .withBean(
              OAuth2AccessTokens.class,
              () ->
                  new OAuth2AccessTokens(
                      new TokenEndpointClient(ConnectorsObjectMapperSupplier.getCopy()),
                      null,
                      Clock.systemUTC()))
          .withBean(StdioCommands.class, () -> StdioCommands.NONE)
          // the REST worker looks up OpenAPI operations there; no test here names one
          .withBean(ApiSpecRepository.class, () -> new ApiSpecRepository(null, null))
          .withUserConfiguration(
              WorkerSupportConfiguration.class,
              RestWorkerConfiguration.class,
              SqlWorkerConfiguration.class,
              EmailWorkerConfiguration.class,
              SmsWorkerConfiguration.class,
              AiWorkerConfiguration.class,
              McpWorkerConfiguration.class,
              StorageWorkerConfiguration.class,
              VoiceCallWorkerConfiguration.class);

  @Test
  void everyWorkerAndTesterIsBuiltFromTheOneSharedWorkerConnections() {
    runtime.run(
        context -> {
          assertThat(context)
              .hasNotFailed()
              .hasSingleBean(WorkerConnections.class)
              .hasSingleBean(ProviderHttp.class);
          assertThat(context.getBeansOfType(OutboundConnectorFunction.class)).hasSize(8);
          assertThat(context.getBeansOfType(ConnectionTester.class)).hasSize(9);
        });
  }

  @Test
  void workerSettingsBindToTheirDocumentedNamesWithTheirDefaults() {
    runtime.run(
        context -> {
          assertThat(context.getBean(RestLimits.class).maxResponseSize())
              .isEqualTo(DataSize.ofMegabytes(1));
          assertThat(context.getBean(StorageLimits.class)).isEqualTo(StorageLimits.defaults());
          assertThat(context.getBean(VoiceSettings.class)).isEqualTo(VoiceSettings.defaults());
        });
    runtime
        .withPropertyValues(
            "flow-connections.rest.max-response-size=64KB",
            "flow-connections.storage.max-file-size=5MB",
            "flow-connections.voice.public-base-url=https://flow.example.com/",
            "flow-connections.voice.poll-interval=500ms")
        .run(
            context -> {
              assertThat(context.getBean(RestLimits.class).maxResponseSize())
                  .isEqualTo(DataSize.ofKilobytes(64));
              assertThat(context.getBean(StorageLimits.class).maxFileSize())
                  .isEqualTo(DataSize.ofMegabytes(5));
              assertThat(context.getBean(VoiceSettings.class).publicBaseUrl())
                  .hasToString("https://flow.example.com");
              assertThat(context.getBean(VoiceSettings.class).pollInterval())
                  .isEqualTo(java.time.Duration.ofMillis(500));
            });
  }
}
