package dev.flowconnections.runtime.openapi;

import dev.flowconnections.integration.openapi.ApiOperation;
import java.util.List;

/**
 * What an OpenAPI document holds for a REST task.
 *
 * @param withoutOperationId operations the document has but a task cannot name (no operationId)
 * @param contentHash SHA-256 of the document: the same document imported again is no new version
 */
public record ParsedApiDocument(
    String title,
    String specVersion,
    List<ApiOperation> operations,
    int withoutOperationId,
    String contentHash) {

  public ParsedApiDocument {
    operations = List.copyOf(operations);
  }
}
