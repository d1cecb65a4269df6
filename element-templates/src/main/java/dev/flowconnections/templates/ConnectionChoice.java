package dev.flowconnections.templates;

import dev.flowconnections.integration.openapi.ApiOperation;
import java.util.List;
import java.util.UUID;

/**
 * An entry of a template's Connection dropdown. Only the key reaches the diagram; the runtime
 * resolves it to credentials at execution time.
 *
 * @param operations the operations of the active OpenAPI document of the connection's integration,
 *     offered in the Operation dropdown of nodes that have one; empty without a document
 * @param integrationId the connection's integration: above the dropdown threshold a node's template
 *     is split per integration ({@link TemplateTarget}); null where that is not known
 * @param integrationName its name, shown in the name of a split template
 */
public record ConnectionChoice(
    String key,
    String name,
    boolean personal,
    List<ApiOperation> operations,
    UUID integrationId,
    String integrationName) {

  public ConnectionChoice {
    operations = operations == null ? List.of() : List.copyOf(operations);
  }

  public ConnectionChoice(
      String key, String name, boolean personal, List<ApiOperation> operations) {
    this(key, name, personal, operations, null, null);
  }

  /** A connection whose integration has no imported OpenAPI document. */
  public ConnectionChoice(String key, String name, boolean personal) {
    this(key, name, personal, List.of());
  }

  public String label() {
    return name + " (" + key + ")" + (personal ? " · personal" : "");
  }
}
