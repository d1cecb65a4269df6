package dev.flowconnections.secretprovider;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Process models from the cluster's REST API ({@code GET /v2/process-definitions/{key}/xml}, as the
 * Camunda client sends it to {@code camunda.client.rest-address}). Every Camunda 8.8 cluster has
 * it; the in-memory test engine does not (tests and the demo read its record stream instead).
 */
public class CamundaClientProcessModels implements ProcessModels {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final CamundaClient client;

  public CamundaClientProcessModels(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Optional<String> bpmnXml(long processDefinitionKey) {
    return Optional.ofNullable(
        client
            .newProcessDefinitionGetXmlRequest(processDefinitionKey)
            .requestTimeout(TIMEOUT)
            .send()
            .join());
  }
}
