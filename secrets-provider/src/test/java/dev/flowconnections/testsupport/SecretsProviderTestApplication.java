package dev.flowconnections.testsupport;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The secrets-provider auto-configuration alone, on the real PostgreSQL. Camunda's connector
 * runtime is on this module's test classpath for the starter's sample application only; here it
 * stays off.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
    excludeName = {
      "io.camunda.client.spring.configuration.CamundaAutoConfiguration",
      "io.camunda.connector.runtime.OutboundConnectorsAutoConfiguration",
      "io.camunda.connector.runtime.InboundConnectorsAutoConfiguration",
      "io.camunda.connector.runtime.WebhookConnectorAutoConfiguration",
      "io.camunda.connector.runtime.ConnectorsObservabilityAutoConfiguration"
    })
public class SecretsProviderTestApplication {}
