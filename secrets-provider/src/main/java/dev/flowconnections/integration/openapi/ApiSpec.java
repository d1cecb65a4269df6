package dev.flowconnections.integration.openapi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One stored version of an integration's OpenAPI document: its title and version and its
 * operations, not the document itself.
 *
 * @param number 1 for the first import of the integration, then counting up
 * @param sourceUrl where it was fetched from; null for an uploaded document
 */
public record ApiSpec(
    UUID id,
    UUID integrationId,
    int number,
    String title,
    String specVersion,
    String contentHash,
    String sourceUrl,
    List<ApiOperation> operations,
    boolean active,
    Instant createdAt,
    String createdBy) {

  public ApiSpec {
    operations = List.copyOf(operations);
  }

  public Optional<ApiOperation> operation(String operationId) {
    return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst();
  }
}
