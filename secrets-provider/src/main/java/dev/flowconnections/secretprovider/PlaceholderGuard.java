package dev.flowconnections.secretprovider;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flowconnections.secretprovider.SecretPlaceholders.Placeholder;
import dev.flowconnections.secretprovider.WrittenPlaceholders.Input;
import dev.flowconnections.secretprovider.WrittenPlaceholders.ModelUnavailableException;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.document.DocumentReference;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.api.secret.SecretProvider;
import io.camunda.connector.api.validation.ValidationProvider;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs every outbound connector function of the runtime (ours and stock ones) so that only the
 * placeholders the process model writes are resolved.
 *
 * <p>Camunda's runtime replaces {@code {{secrets...}}} anywhere in a job's variables, and by the
 * time a job is activated Zeebe has evaluated the input mappings: a placeholder the model wrote and
 * one that arrived in data (a start form, a message, the API) look the same. The guard therefore
 * hands the function its own context, whose {@code bindVariables} and job variables replace a
 * placeholder only inside the variable an input mapping of this element targets, and only if that
 * mapping's source (in the deployed model) contains the placeholder literally. Everything else is
 * bound as it is: a placeholder in data stays text. While the function runs, {@link JobScope} says
 * which job asks; failure messages lose the values that were put in.
 */
public class PlaceholderGuard {

  static final String MASK = "****";

  private final WrittenPlaceholders written;
  private final SecretProvider secrets;
  private final ObjectMapper json;
  private final ValidationProvider validation;

  /**
   * @param secrets the runtime's provider chain (asked only inside the job's scope)
   * @param json the runtime's outbound object mapper (FEEL functions off), as Camunda binds with
   */
  public PlaceholderGuard(
      WrittenPlaceholders written,
      SecretProvider secrets,
      ObjectMapper json,
      ValidationProvider validation) {
    this.written = written;
    this.secrets = secrets;
    this.json = json;
    this.validation = validation;
  }

  /** {@code function} as the runtime calls it, guarded. */
  public OutboundConnectorFunction guard(OutboundConnectorFunction function) {
    return context -> execute(function, context);
  }

  Object execute(OutboundConnectorFunction function, OutboundConnectorContext runtimeContext)
      throws Exception {
    JobScope scope = JobScope.of(runtimeContext.getJobContext());
    GuardedContext context = new GuardedContext(runtimeContext, scope, this);
    try {
      return scope.call(() -> function.execute(context));
    } catch (Exception e) {
      throw FailureMasking.masked(e, context.resolvedValues());
    }
  }

  /**
   * The job's variables with the model's placeholders replaced; {@code values} collects what was
   * put in.
   *
   * @param raw the variables as Zeebe sent them (before any replacement)
   */
  String variables(JobContext job, String raw, Map<String, String> values) {
    if (!SecretPlaceholders.containsAny(raw)) {
      return raw;
    }
    List<Input> inputs;
    try {
      inputs = written.of(job.getProcessDefinitionKey(), job.getElementId());
    } catch (ModelUnavailableException e) {
      throw new ConnectorInputException(
          "secret placeholders in the job's variables are not resolved: "
              + e.getMessage()
              + " (the runtime reads process models through the Camunda REST API, camunda.client.rest-address)",
          null);
    }
    if (inputs.isEmpty()) {
      return raw;
    }
    JsonNode root;
    try {
      root = json.readTree(raw);
    } catch (JsonProcessingException e) {
      return raw; // binding reports it
    }
    if (!(root instanceof ObjectNode variables)) {
      return raw;
    }
    SecretContext tenant = new SecretContext(job.getTenantId());
    for (Input input : inputs) {
      Predicate<Placeholder> allowed =
          p -> input.names().contains(p.name()) && (p.braces() || input.staticValue());
      replaceAt(
          variables,
          input.targetPath(),
          node -> replaced(node, allowed, name -> value(name, tenant, values)));
    }
    return variables.toString();
  }

  <T> T bind(String variables, Class<T> type) {
    T bound = read(variables, type);
    validation.validate(bound);
    return bound;
  }

  private String value(String name, SecretContext tenant, Map<String, String> values) {
    String value = values.get(name);
    if (value == null) {
      value = secrets.getSecret(name, tenant);
      if (value == null) {
        throw new ConnectorInputException(
            String.format("Secret with name '%s' is not available", name), null);
      }
      values.put(name, value);
    }
    return value;
  }

  private static void replaceAt(
      ObjectNode root, List<String> path, UnaryOperator<JsonNode> replace) {
    ObjectNode parent = root;
    for (int i = 0; i < path.size() - 1; i++) {
      if (!(parent.get(path.get(i)) instanceof ObjectNode child)) {
        return; // not among the variables this job fetched
      }
      parent = child;
    }
    String field = path.get(path.size() - 1);
    JsonNode node = parent.get(field);
    if (node != null) {
      parent.set(field, replace.apply(node));
    }
  }

  /** A copy of {@code node} with the allowed placeholders replaced in every text and field name. */
  private static JsonNode replaced(
      JsonNode node, Predicate<Placeholder> allowed, Function<String, String> value) {
    if (node.isTextual()) {
      return TextNode.valueOf(SecretPlaceholders.replace(node.textValue(), allowed, value));
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = object.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(
            SecretPlaceholders.replace(field.getKey(), allowed, value),
            replaced(field.getValue(), allowed, value));
      }
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = array.arrayNode();
      array.forEach(element -> copy.add(replaced(element, allowed, value)));
      return copy;
    }
    return node;
  }

  /** Reads the variables as Camunda's {@code JobHandlerContext} does, with its error messages. */
  private <T> T read(String variables, Class<T> type) {
    try {
      return json.readValue(variables, type);
    } catch (JsonParseException e) {
      throw new ConnectorInputException("This is not a JSON object", e);
    } catch (InvalidFormatException
        | InvalidNullException
        | InvalidTypeIdException
        | PropertyBindingException e) {
      String message =
          e.getPath().stream()
              .map(JsonMappingException.Reference::getFieldName)
              .reduce((a, b) -> a.concat(", ").concat(b))
              .map("Json object contains an invalid field: "::concat)
              .map(
                  s ->
                      e.getTargetType() == null
                          ? s
                          : s + ". It Must be `" + e.getTargetType().getSimpleName() + "`")
              .orElse("Unexpected Error, Further investigation is needed");
      throw new ConnectorInputException(message, e);
    } catch (JsonProcessingException e) {
      throw new ConnectorInputException(e.getOriginalMessage(), e);
    }
  }

  /** The context a guarded function sees: the runtime's, with guarded variables. */
  static final class GuardedContext implements OutboundConnectorContext {

    private final OutboundConnectorContext runtime;
    private final JobScope scope;
    private final PlaceholderGuard guard;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final JobContext job;
    private String variables;

    GuardedContext(OutboundConnectorContext runtime, JobScope scope, PlaceholderGuard guard) {
      this.runtime = runtime;
      this.scope = scope;
      this.guard = guard;
      this.job = new GuardedJob(runtime.getJobContext(), this::variables);
    }

    private synchronized String variables() {
      if (variables == null) {
        // in the job's scope even if the function binds on a thread of its own
        try {
          variables =
              scope.call(
                  () ->
                      guard.variables(
                          runtime.getJobContext(), RawJobVariables.of(runtime), values));
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return variables;
    }

    synchronized Collection<String> resolvedValues() {
      return List.copyOf(values.values());
    }

    @Override
    public JobContext getJobContext() {
      return job;
    }

    @Override
    public <T> T bindVariables(Class<T> type) {
      return guard.bind(variables(), type);
    }

    @Override
    public Document resolve(DocumentReference reference) {
      return runtime.resolve(reference);
    }

    @Override
    public Document create(DocumentCreationRequest request) {
      return runtime.create(request);
    }
  }

  private record GuardedJob(JobContext runtime, Supplier<String> variables) implements JobContext {
    @Override
    public Map<String, String> getCustomHeaders() {
      return runtime.getCustomHeaders();
    }

    @Override
    public String getVariables() {
      return variables.get();
    }

    @Override
    public String getType() {
      return runtime.getType();
    }

    @Override
    public long getProcessInstanceKey() {
      return runtime.getProcessInstanceKey();
    }

    @Override
    public String getBpmnProcessId() {
      return runtime.getBpmnProcessId();
    }

    @Override
    public int getProcessDefinitionVersion() {
      return runtime.getProcessDefinitionVersion();
    }

    @Override
    public long getProcessDefinitionKey() {
      return runtime.getProcessDefinitionKey();
    }

    @Override
    public String getElementId() {
      return runtime.getElementId();
    }

    @Override
    public long getElementInstanceKey() {
      return runtime.getElementInstanceKey();
    }

    @Override
    public String getTenantId() {
      return runtime.getTenantId();
    }
  }
}
