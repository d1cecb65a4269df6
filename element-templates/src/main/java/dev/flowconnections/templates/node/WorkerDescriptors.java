package dev.flowconnections.templates.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.flowconnections.templates.node.TemplateInput.Kind;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.document.Document;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a worker's nodes from its annotations: the job type from {@code @OutboundConnector}, the
 * nodes and groups from {@link WorkerDescriptor}, the inputs from the request record's components.
 * A descriptor that contradicts itself fails here, when the runtime starts, naming the worker and
 * what to fix, so no inconsistent template is ever generated.
 */
public final class WorkerDescriptors {

  /** The component every request has: the node's own Connection dropdown. */
  public static final String CONNECTION = "connection";

  /** The operation id of the connection's OpenAPI document ({@link OperationInput}). */
  public static final String OPERATION = "operation";

  /** The values of the chosen operation's path parameters, by name ({@link OperationInput}). */
  public static final String PATH_PARAMETERS = "pathParameters";

  /** The input after which a node shows the chosen operation's path parameters. */
  public static final String PATH = "path";

  /** The inputs an operation supplies, hidden while one is chosen. */
  public static final Set<String> SUPPLIED_BY_OPERATION = Set.of("method", PATH);

  private WorkerDescriptors() {}

  public static List<Node> nodesOf(Class<?> worker) {
    WorkerDescriptor descriptor = required(worker, WorkerDescriptor.class);
    OutboundConnector connector = required(worker, OutboundConnector.class);
    Class<? extends Record> request = descriptor.request();
    List<RecordComponent> components = Arrays.asList(request.getRecordComponents());
    checkFetchedVariables(worker, connector, components);
    List<Node.Group> groups =
        Arrays.stream(descriptor.groups()).map(g -> new Node.Group(g.id(), g.label())).toList();
    List<TemplateInput> inputs =
        components.stream()
            .filter(component -> !component.getName().equals(CONNECTION))
            .filter(component -> !component.isAnnotationPresent(EngineVariable.class))
            .filter(component -> !component.isAnnotationPresent(OperationInput.class))
            .map(component -> input(worker, request, component))
            .toList();
    boolean operations = checkOperationInputs(worker, components, inputs);
    checkGroups(worker, groups, inputs);
    return Arrays.stream(descriptor.nodes())
        .map(
            node ->
                new Node(
                    node.id(),
                    node.label(),
                    node.description(),
                    connector.type(),
                    descriptor.connectionType(),
                    groups,
                    inputs,
                    node.element(),
                    node.toolDescription().isEmpty() ? null : node.toolDescription(),
                    toolInputs(worker, node, inputs),
                    operations))
        .toList();
  }

  /**
   * A worker takes an operation with both {@link OperationInput} components and the inputs an
   * operation supplies, or none of it.
   */
  private static boolean checkOperationInputs(
      Class<?> worker, List<RecordComponent> components, List<TemplateInput> inputs) {
    Set<String> marked =
        components.stream()
            .filter(component -> component.isAnnotationPresent(OperationInput.class))
            .map(RecordComponent::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    if (marked.isEmpty()) {
      return false;
    }
    Set<String> names = inputs.stream().map(TemplateInput::name).collect(Collectors.toSet());
    if (!marked.equals(new TreeSet<>(Set.of(OPERATION, PATH_PARAMETERS)))
        || !names.containsAll(SUPPLIED_BY_OPERATION)) {
      throw invalid(
          worker,
          "@OperationInput components "
              + marked
              + " must be exactly ["
              + OPERATION
              + ", "
              + PATH_PARAMETERS
              + "], beside the inputs "
              + SUPPLIED_BY_OPERATION);
    }
    return true;
  }

  /**
   * The FEEL value of each input the model supplies: {@code fromAi} of the parameter {@code
   * toolCall.<input>}, the name under which the agent passes the model's argument to the element.
   */
  private static Map<String, String> toolInputs(
      Class<?> worker, NodeTemplate node, List<TemplateInput> inputs) {
    if (node.toolInputs().length > 0 && node.toolDescription().isEmpty()) {
      throw invalid(worker, "node " + node.id() + " has tool inputs but no toolDescription");
    }
    Set<String> names = inputs.stream().map(TemplateInput::name).collect(Collectors.toSet());
    Map<String, String> values = new LinkedHashMap<>();
    for (ToolInput tool : node.toolInputs()) {
      if (!names.contains(tool.input())) {
        throw invalid(
            worker, "tool input '" + tool.input() + "' of node " + node.id() + " is no input");
      }
      values.put(
          tool.input(),
          tool.value().isEmpty()
              ? "=fromAi(toolCall."
                  + tool.input()
                  + ", \""
                  + tool.description().replace("\"", "'")
                  + "\", \""
                  + tool.type()
                  + "\")"
              : tool.value());
    }
    return values;
  }

  /**
   * Camunda's runtime fetches only the variables the connector annotation lists, and an annotation
   * can only hold a constant list: a component missing from it would silently bind as null.
   */
  private static void checkFetchedVariables(
      Class<?> worker, OutboundConnector connector, List<RecordComponent> components) {
    Set<String> fields =
        components.stream()
            .map(RecordComponent::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> fetched = new TreeSet<>(Arrays.asList(connector.inputVariables()));
    if (!fields.contains(CONNECTION)) {
      throw invalid(worker, "its request record has no component '" + CONNECTION + "'");
    }
    if (!fields.equals(fetched)) {
      throw invalid(
          worker,
          "@OutboundConnector.inputVariables "
              + fetched
              + " must name exactly the request record's components "
              + fields);
    }
  }

  private static void checkGroups(
      Class<?> worker, List<Node.Group> groups, List<TemplateInput> inputs) {
    Set<String> declared =
        groups.stream().map(Node.Group::id).collect(Collectors.toCollection(TreeSet::new));
    Set<String> used =
        inputs.stream().map(TemplateInput::group).collect(Collectors.toCollection(TreeSet::new));
    if (!declared.equals(used)) {
      throw invalid(
          worker, "groups " + declared + " must be exactly those its properties use " + used);
    }
  }

  private static TemplateInput input(Class<?> worker, Class<?> request, RecordComponent component) {
    TemplateProperty property = component.getAnnotation(TemplateProperty.class);
    if (property == null) {
      throw invalid(
          worker,
          request.getSimpleName() + "." + component.getName() + " has no @TemplateProperty");
    }
    Field field = field(request, component);
    String description =
        property.description().isEmpty() ? null : withLimits(worker, field, property.description());
    ConnectionPicker picker = component.getAnnotation(ConnectionPicker.class);
    if (picker != null) {
      return TemplateInput.connectionDropdown(
              component.getName(), property.label(), property.group(), picker.value())
          .describedAs(description);
    }
    Class<?> type = component.getType();
    Kind kind = kind(property, type);
    boolean required =
        property.required()
            || kind == Kind.DROPDOWN
            || field.isAnnotationPresent(NotBlank.class)
            || field.isAnnotationPresent(NotNull.class)
            || field.isAnnotationPresent(NotEmpty.class);
    TemplateInput.Condition condition =
        property.shownWhen().property().isEmpty()
            ? null
            : new TemplateInput.Condition(
                property.shownWhen().property(), List.of(property.shownWhen().oneOf()));
    return new TemplateInput(
        component.getName(),
        property.label(),
        property.group(),
        kind,
        !required,
        defaultValue(kind, property.defaultValue()),
        choices(worker, component, property, kind),
        feel(property, kind, type),
        description,
        condition,
        null);
  }

  private static Kind kind(TemplateProperty property, Class<?> type) {
    return switch (property.type()) {
      case STRING -> Kind.STRING;
      case TEXT -> Kind.TEXT;
      case DROPDOWN -> Kind.DROPDOWN;
      case BOOLEAN -> Kind.BOOLEAN;
      case NUMBER -> Kind.NUMBER;
      case AUTO -> {
        if (type == Boolean.class || type == boolean.class) {
          yield Kind.BOOLEAN;
        } else if (type == Integer.class
            || type == int.class
            || type == Long.class
            || type == long.class) {
          yield Kind.NUMBER;
        } else if (type.isEnum()) {
          yield Kind.DROPDOWN;
        }
        yield Kind.STRING;
      }
    };
  }

  private static String feel(TemplateProperty property, Kind kind, Class<?> type) {
    return switch (property.feel()) {
      case OPTIONAL -> "optional";
      case REQUIRED -> "required";
      case NONE -> null;
      case AUTO -> {
        if (kind == Kind.NUMBER || kind == Kind.BOOLEAN || kind == Kind.DROPDOWN) {
          yield null;
        }
        // a context or a document cannot be typed as plain text
        yield Map.class.isAssignableFrom(type) || Document.class.isAssignableFrom(type)
            ? "required"
            : "optional";
      }
    };
  }

  private static Object defaultValue(Kind kind, String text) {
    if (text.isEmpty()) {
      return null;
    }
    return switch (kind) {
      case NUMBER -> Integer.valueOf(text);
      case BOOLEAN -> Boolean.valueOf(text);
      default -> text;
    };
  }

  private static List<String> choices(
      Class<?> worker, RecordComponent component, TemplateProperty property, Kind kind) {
    if (kind != Kind.DROPDOWN) {
      return List.of();
    }
    if (property.choices().length > 0) {
      return List.of(property.choices());
    }
    if (!component.getType().isEnum()) {
      throw invalid(
          worker,
          component.getName() + " is a dropdown without choices: list them or make it an enum");
    }
    return Arrays.stream(component.getType().getEnumConstants())
        .map(constant -> jsonName((Enum<?>) constant))
        .toList();
  }

  /** The value a job carries for an enum constant: its {@code @JsonProperty} name, else its own. */
  private static String jsonName(Enum<?> constant) {
    try {
      JsonProperty name =
          constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
      return name == null ? constant.name() : name.value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Replaces {min} and {max} with the component's validation limits, so texts never copy a number.
   */
  private static String withLimits(Class<?> worker, AnnotatedElement field, String text) {
    String result = text;
    if (result.contains("{min}")) {
      result = result.replace("{min}", limit(worker, field, true));
    }
    if (result.contains("{max}")) {
      result = result.replace("{max}", limit(worker, field, false));
    }
    return result;
  }

  private static String limit(Class<?> worker, AnnotatedElement field, boolean lower) {
    if (lower && field.getAnnotation(Min.class) != null) {
      return String.valueOf(field.getAnnotation(Min.class).value());
    } else if (!lower && field.getAnnotation(Max.class) != null) {
      return String.valueOf(field.getAnnotation(Max.class).value());
    } else if (lower && field.getAnnotation(DecimalMin.class) != null) {
      return plain(field.getAnnotation(DecimalMin.class).value());
    } else if (!lower && field.getAnnotation(DecimalMax.class) != null) {
      return plain(field.getAnnotation(DecimalMax.class).value());
    } else if (field.getAnnotation(Size.class) != null) {
      Size size = field.getAnnotation(Size.class);
      return String.valueOf(lower ? size.min() : size.max());
    }
    throw invalid(
        worker,
        "a description names {"
            + (lower ? "min" : "max")
            + "} of "
            + field
            + ", which has no such limit");
  }

  private static String plain(String decimal) {
    return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
  }

  /**
   * Validation annotations on a record component land on its field (their targets exclude
   * components).
   */
  private static Field field(Class<?> request, RecordComponent component) {
    try {
      return request.getDeclaredField(component.getName());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <A extends java.lang.annotation.Annotation> A required(
      Class<?> worker, Class<A> annotation) {
    A found = worker.getAnnotation(annotation);
    if (found == null) {
      throw invalid(worker, "it has no @" + annotation.getSimpleName());
    }
    return found;
  }

  private static IllegalStateException invalid(Class<?> worker, String problem) {
    return new IllegalStateException(
        "worker descriptor of " + worker.getSimpleName() + " is invalid: " + problem);
  }
}
