package dev.flowconnections.runtime.openapi;

import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.integration.openapi.ApiOperation;
import dev.flowconnections.integration.openapi.ApiParameter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads an OpenAPI 3.0 or 3.1 document (JSON or YAML) into what a REST task needs: title, version
 * and the operations with their parameters. References are resolved only within the document: the
 * parser never resolves one (no network, no file), and {@code #/components/...} references of
 * parameters and schemas are looked up here.
 */
public final class OpenApiDocuments {

  /** The field every refusal names: the document as a whole. */
  public static final String FIELD = "document";

  private static final int MAX_MESSAGES = 20;

  /**
   * Nodes a document may describe once its YAML aliases are expanded. A 2 MB document without
   * aliases has fewer; a few dozen nested aliases describe billions, which swagger-parser would
   * expand up to its own limit, seconds of CPU later.
   */
  static final long MAX_YAML_NODES = 1_000_000;

  private static final String PARAMETER_REF = "#/components/parameters/";
  private static final String SCHEMA_REF = "#/components/schemas/";

  private OpenApiDocuments() {}

  /**
   * @throws ValidationException on {@value #FIELD} with the parser's messages when the document is
   *     no valid OpenAPI 3 document, or one a task could not call
   */
  public static ParsedApiDocument parse(String content) {
    if (content == null || content.isBlank()) {
      throw new ValidationException(FIELD, "is empty");
    }
    refuseManyAliases(content);
    ParseOptions options = new ParseOptions();
    options.setResolve(false); // no $ref is followed: a remote one would be a request from here
    options.setResolveFully(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(content, null, options);
    List<String> messages =
        result == null || result.getMessages() == null ? List.of() : result.getMessages();
    OpenAPI api = result == null ? null : result.getOpenAPI();
    if (api == null || !messages.isEmpty()) {
      throw refusal(messages.isEmpty() ? List.of("is not an OpenAPI 3 document") : messages);
    }
    if (api.getOpenapi() == null || !api.getOpenapi().startsWith("3.")) {
      throw refusal(List.of("is not an OpenAPI 3 document (openapi: " + api.getOpenapi() + ")"));
    }
    // The parser has refused repeated operationIds and undeclared path parameters already.
    List<ApiOperation> operations = new ArrayList<>();
    int withoutId = 0;
    Map<String, PathItem> paths = api.getPaths() == null ? Map.of() : api.getPaths();
    for (Map.Entry<String, PathItem> path : paths.entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry :
          path.getValue().readOperationsMap().entrySet()) {
        Operation operation = entry.getValue();
        if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
          withoutId++;
        } else {
          operations.add(operation(api, path.getKey(), entry.getKey(), path.getValue(), operation));
        }
      }
    }
    return new ParsedApiDocument(
        api.getInfo().getTitle(),
        api.getInfo().getVersion(),
        operations,
        withoutId,
        sha256(content));
  }

  private static ApiOperation operation(
      OpenAPI api, String path, PathItem.HttpMethod method, PathItem item, Operation operation) {
    // Parameters of the path item apply to each operation unless it redeclares them.
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    for (List<Parameter> declared :
        java.util.Arrays.asList(item.getParameters(), operation.getParameters())) {
      if (declared != null) {
        declared.stream()
            .map(p -> resolve(api, p))
            .filter(p -> p != null && p.getName() != null && p.getIn() != null)
            .forEach(p -> parameters.put(p.getIn() + ":" + p.getName(), p));
      }
    }
    return new ApiOperation(
        operation.getOperationId(),
        operation.getSummary(),
        method.name().toUpperCase(Locale.ROOT),
        path,
        parametersIn(api, parameters, "path"),
        parametersIn(api, parameters, "query"),
        operation.getRequestBody() != null);
  }

  private static List<ApiParameter> parametersIn(
      OpenAPI api, Map<String, Parameter> parameters, String in) {
    return parameters.values().stream()
        .filter(p -> in.equals(p.getIn()))
        .map(
            p -> {
              Schema<?> schema = resolve(api, p.getSchema());
              String description =
                  p.getDescription() != null
                      ? p.getDescription()
                      : schema == null ? null : schema.getDescription();
              return new ApiParameter(
                  p.getName(),
                  typeOf(schema),
                  description,
                  "path".equals(in) || Boolean.TRUE.equals(p.getRequired()));
            })
        .toList();
  }

  /** 3.0 has one {@code type}; 3.1 a set of them (e.g. string and null): the first not null. */
  private static String typeOf(Schema<?> schema) {
    if (schema == null) {
      return "string";
    }
    if (schema.getType() != null) {
      return schema.getType();
    }
    if (schema.getTypes() != null) {
      return schema.getTypes().stream()
          .filter(t -> !"null".equals(t))
          .sorted()
          .findFirst()
          .orElse("string");
    }
    return "string";
  }

  private static Parameter resolve(OpenAPI api, Parameter parameter) {
    if (parameter == null || parameter.get$ref() == null) {
      return parameter;
    }
    String ref = parameter.get$ref();
    if (!ref.startsWith(PARAMETER_REF)
        || api.getComponents() == null
        || api.getComponents().getParameters() == null) {
      return null; // not in this document: never fetched
    }
    return api.getComponents().getParameters().get(ref.substring(PARAMETER_REF.length()));
  }

  private static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
    if (schema == null || schema.get$ref() == null) {
      return schema;
    }
    String ref = schema.get$ref();
    if (!ref.startsWith(SCHEMA_REF)
        || api.getComponents() == null
        || api.getComponents().getSchemas() == null) {
      return null;
    }
    return api.getComponents().getSchemas().get(ref.substring(SCHEMA_REF.length()));
  }

  /**
   * Sizes the document on the YAML event stream, which never expands an alias: each anchored node
   * remembers its expanded size and an alias adds it. Linear in the document's length, and done
   * before the parser builds anything. JSON has no aliases (a JSON document is YAML too).
   */
  private static void refuseManyAliases(String content) {
    Map<String, Long> anchored = new HashMap<>();
    Deque<long[]> open = new ArrayDeque<>(); // expanded size of each open collection
    Deque<String> anchors = new ArrayDeque<>();
    long[] document = {0};
    try {
      for (Event event : new Yaml().parse(new StringReader(content))) {
        if (event instanceof CollectionStartEvent start) {
          open.push(new long[] {1});
          anchors.push(start.getAnchor() == null ? "" : start.getAnchor());
          continue;
        }
        long size;
        String anchor = null;
        if (event instanceof ScalarEvent scalar) {
          size = 1;
          anchor = scalar.getAnchor();
        } else if (event instanceof AliasEvent alias) {
          size = anchored.getOrDefault(alias.getAnchor(), 1L);
        } else if (event instanceof CollectionEndEvent && !open.isEmpty()) {
          size = open.pop()[0];
          anchor = anchors.pop();
        } else {
          continue;
        }
        if (anchor != null && !anchor.isEmpty()) {
          anchored.put(anchor, size);
        }
        long[] parent = open.isEmpty() ? document : open.peek();
        parent[0] += size;
        if (parent[0] > MAX_YAML_NODES) {
          throw refusal(
              List.of(
                  "describes more than "
                      + MAX_YAML_NODES
                      + " nodes once its YAML aliases (*name) are expanded, refused"));
        }
      }
    } catch (YAMLException e) {
      // not well-formed YAML: the parser says why, in its own words
    }
  }

  private static ValidationException refusal(List<String> messages) {
    List<String> shown = messages.stream().limit(MAX_MESSAGES).toList();
    String more =
        messages.size() > MAX_MESSAGES ? "; and " + (messages.size() - MAX_MESSAGES) + " more" : "";
    return new ValidationException(
        FIELD, "is not a valid OpenAPI 3 document: " + String.join("; ", shown) + more);
  }

  private static String sha256(String content) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
