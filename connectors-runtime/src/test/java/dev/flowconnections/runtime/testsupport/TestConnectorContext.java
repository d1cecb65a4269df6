package dev.flowconnections.runtime.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.document.DocumentReference;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.validation.ValidationProvider;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.validation.ValidationUtil;
import java.util.Map;

/**
 * Binds variables the way the connector runtime does (its object mapper, its Jakarta validation
 * provider), without a job: what camunda's OutboundConnectorContextBuilder does, which is not
 * published for 8.8.
 */
public final class TestConnectorContext implements OutboundConnectorContext {

  private static final ObjectMapper MAPPER = ConnectorsObjectMapperSupplier.getCopy();
  private static final ValidationProvider VALIDATION = ValidationUtil.discoverDefaultValidationProviderImplementation();

  private final String variablesJson;
  private final String jobType;

  public TestConnectorContext(Map<String, ?> variables, String jobType) {
    this.jobType = jobType;
    try {
      this.variablesJson = MAPPER.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public <T> T bindVariables(Class<T> cls) {
    T bound;
    try {
      bound = MAPPER.readValue(variablesJson, cls);
    } catch (JsonProcessingException e) {
      // JobHandlerContext reports binding errors the same way
      throw new ConnectorInputException(e.getOriginalMessage(), e);
    }
    VALIDATION.validate(bound);
    return bound;
  }

  @Override
  public JobContext getJobContext() {
    return new JobContext() {
      @Override public Map<String, String> getCustomHeaders() { return Map.of(); }
      @Override public String getVariables() { return variablesJson; }
      @Override public String getType() { return jobType; }
      @Override public long getProcessInstanceKey() { return 1; }
      @Override public String getBpmnProcessId() { return "test"; }
      @Override public int getProcessDefinitionVersion() { return 1; }
      @Override public long getProcessDefinitionKey() { return 1; }
      @Override public String getElementId() { return "task"; }
      @Override public long getElementInstanceKey() { return 1; }
      @Override public String getTenantId() { return ""; } // what the runtime reports for the default tenant
    };
  }

  @Override
  public Document resolve(DocumentReference reference) {
    throw new UnsupportedOperationException("documents are not used by the REST worker");
  }

  @Override
  public Document create(DocumentCreationRequest request) {
    throw new UnsupportedOperationException("documents are not used by the REST worker");
  }
}
