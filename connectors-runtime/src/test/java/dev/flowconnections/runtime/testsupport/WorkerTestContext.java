package dev.flowconnections.runtime.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.document.DocumentReference;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.validation.ValidationProvider;
import io.camunda.connector.document.jackson.JacksonModuleDocumentDeserializer;
import io.camunda.connector.document.jackson.JacksonModuleDocumentSerializer;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.document.DocumentFactoryImpl;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import io.camunda.connector.runtime.core.intrinsic.DefaultIntrinsicFunctionExecutor;
import io.camunda.connector.runtime.core.validation.ValidationUtil;
import java.util.Map;

/**
 * A job's context for worker tests: binds variables the way the connector runtime does (its object
 * mapper with the document module, its Jakarta validation provider), without an engine. Camunda
 * documents live in the runtime's in-memory document store; {@link #document} puts one there and
 * returns the reference a process variable would hold.
 */
public final class WorkerTestContext implements OutboundConnectorContext {

  private static final DocumentFactory DOCUMENTS =
      new DocumentFactoryImpl(InMemoryDocumentStore.INSTANCE);
  private static final ObjectMapper MAPPER = runtimeMapper();
  private static final ValidationProvider VALIDATION =
      ValidationUtil.discoverDefaultValidationProviderImplementation();

  private final String jobType;
  private final String variablesJson;
  private final String tenantId;
  private final Map<String, String> headers;

  public WorkerTestContext(String jobType, Map<String, ?> variables) {
    this(jobType, variables, ""); // what the runtime reports for the default tenant
  }

  /** A job of {@code tenantId}, as a runtime serving several tenants receives it. */
  public WorkerTestContext(String jobType, Map<String, ?> variables, String tenantId) {
    this(jobType, variables, tenantId, Map.of());
  }

  private WorkerTestContext(
      String jobType, Map<String, ?> variables, String tenantId, Map<String, String> headers) {
    this.jobType = jobType;
    this.tenantId = tenantId;
    this.headers = Map.copyOf(headers);
    try {
      this.variablesJson = MAPPER.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The job of a task with these custom headers, e.g. {@code agentTool=true} of a tool node. */
  public static WorkerTestContext withHeaders(
      String jobType, Map<String, ?> variables, Map<String, String> headers) {
    return new WorkerTestContext(jobType, variables, "", headers);
  }

  /** The job of an AI agent's tool: the header every tool node's template sets. */
  public static WorkerTestContext agentTool(String jobType, Map<String, ?> variables) {
    return withHeaders(jobType, variables, Map.of("agentTool", "true"));
  }

  /** Stores {@code content} as a Camunda document; returns its reference as a process variable. */
  public static Map<String, Object> document(byte[] content, String fileName, String contentType) {
    Document document =
        DOCUMENTS.create(
            DocumentCreationRequest.from(content)
                .fileName(fileName)
                .contentType(contentType)
                .build());
    return MAPPER.convertValue(document, new TypeReference<>() {});
  }

  /**
   * What the connector runtime's {@code objectMapper} bean is: the connectors' mapper plus
   * documents.
   */
  private static ObjectMapper runtimeMapper() {
    ObjectMapper mapper = ConnectorsObjectMapperSupplier.getCopy();
    return mapper.registerModules(
        new JacksonModuleDocumentDeserializer(
            DOCUMENTS,
            new DefaultIntrinsicFunctionExecutor(mapper),
            JacksonModuleDocumentDeserializer.DocumentModuleSettings.create()),
        new JacksonModuleDocumentSerializer());
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
      @Override
      public Map<String, String> getCustomHeaders() {
        return headers;
      }

      @Override
      public String getVariables() {
        return variablesJson;
      }

      @Override
      public String getType() {
        return jobType;
      }

      @Override
      public long getProcessInstanceKey() {
        return 1;
      }

      @Override
      public String getBpmnProcessId() {
        return "test";
      }

      @Override
      public int getProcessDefinitionVersion() {
        return 1;
      }

      @Override
      public long getProcessDefinitionKey() {
        return 1;
      }

      @Override
      public String getElementId() {
        return "task";
      }

      @Override
      public long getElementInstanceKey() {
        return 1;
      }

      @Override
      public String getTenantId() {
        return tenantId;
      }
    };
  }

  @Override
  public Document resolve(DocumentReference reference) {
    return DOCUMENTS.resolve(reference);
  }

  @Override
  public Document create(DocumentCreationRequest request) {
    return DOCUMENTS.create(request);
  }
}
