package dev.flowconnections.runtime.rest;

import dev.flowconnections.integration.openapi.ApiOperation;
import dev.flowconnections.integration.openapi.ApiParameter;
import dev.flowconnections.integration.openapi.ApiSpec;
import dev.flowconnections.resolution.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorInputException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a task's OpenAPI operation id into method and path: the operation is looked up in the
 * active document of the connection's integration at run time (an element template cannot set
 * method and path from a dropdown), and its path parameters are substituted, each percent-encoded
 * as one path segment. Every problem is an incident naming the operation or the parameter.
 */
public final class RestOperations {

  /** For a runtime without stored documents: every operation is unknown. */
  public static final RestOperations NONE = new RestOperations((org, key) -> Optional.empty());

  private static final Pattern DOT_SEGMENTS = Pattern.compile("(^|[/\\\\])\\.{1,2}($|[/\\\\])");
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

  /** RFC 3986 unreserved characters: the only ones a segment keeps as they are. */
  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

  private final BiFunction<String, String, Optional<ApiSpec>> activeDocument;

  /**
   * @param activeDocument the active document of a connection's integration, by organization and
   *     connection key
   */
  public RestOperations(BiFunction<String, String, Optional<ApiSpec>> activeDocument) {
    this.activeDocument = activeDocument;
  }

  /** The request with the operation's method and path; a request without operation as it is. */
  RestRequest apply(RestRequest request, ResolvedConnection connection) {
    if (!request.hasOperation()) {
      return request;
    }
    String id = request.operation().strip();
    ApiSpec document =
        activeDocument
            .apply(connection.organizationId(), connection.key())
            .orElseThrow(
                () ->
                    new ConnectorInputException(
                        "operation '"
                            + id
                            + "': the integration of connection '"
                            + connection.key()
                            + "' has no imported OpenAPI document"));
    ApiOperation operation =
        document
            .operation(id)
            .orElseThrow(
                () ->
                    new ConnectorInputException(
                        "operation '"
                            + id
                            + "' is not in the OpenAPI document of connection '"
                            + connection.key()
                            + "' ("
                            + document.title()
                            + " "
                            + document.specVersion()
                            + ")"));
    return request.forOperation(methodOf(operation), expand(operation, request.pathParameters()));
  }

  private static HttpMethod methodOf(ApiOperation operation) {
    try {
      return HttpMethod.valueOf(operation.method());
    } catch (IllegalArgumentException e) {
      throw new ConnectorInputException(
          "operation '"
              + operation.operationId()
              + "' uses "
              + operation.method()
              + ", which a REST task cannot send");
    }
  }

  static String expand(ApiOperation operation, Map<String, String> values) {
    Matcher template = TEMPLATE.matcher(operation.path());
    StringBuilder path = new StringBuilder();
    while (template.find()) {
      String name = template.group(1);
      ApiParameter parameter =
          operation.pathParameters().stream()
              .filter(p -> p.name().equals(name))
              .findFirst()
              .orElse(new ApiParameter(name, "string", null, true));
      Object value = values.get(parameter.inputName());
      if (value == null || String.valueOf(value).isEmpty()) {
        throw new ConnectorInputException(
            "path parameter '"
                + name
                + "' of operation '"
                + operation.operationId()
                + "' is required (pathParameters."
                + parameter.inputName()
                + ")");
      }
      String text = String.valueOf(value);
      if (DOT_SEGMENTS.matcher(text).find()) {
        // encoded as one segment it is harmless to most servers, but not to all of them
        throw new ConnectorInputException(
            "path parameter '" + name + "' must not be or contain a '.' or '..' segment");
      }
      template.appendReplacement(path, Matcher.quoteReplacement(encodeSegment(text)));
    }
    template.appendTail(path);
    return path.toString();
  }

  /** Everything but unreserved characters is escaped, '/' too: a value stays one segment. */
  private static String encodeSegment(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (b >= 0 && UNRESERVED.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
