package dev.flowconnections.runtime.storage;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;

/**
 * The File Manager task of Flow Connections: lists, uploads, downloads or deletes files of a Storage
 * connection (Amazon S3 or an S3-compatible store, Google Drive, OneDrive, Box), resolved for the
 * environment this runtime serves. Downloads become Camunda documents.
 *
 * <p>Result: {@link StorageResult}.
 */
@OutboundConnector(
    name = "Flow Connections File Manager",
    inputVariables = {"connection", "operation", "path", "document", "content", "contentType", "downloadAs",
        "maxResults"},
    type = StorageFunction.TYPE)
public class StorageFunction implements OutboundConnectorFunction {

  public static final String TYPE = "io.flowconnections:storage:1";

  private final StorageService storageService;

  public StorageFunction(StorageService storageService) {
    this.storageService = storageService;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    StorageRequest request = context.bindVariables(StorageRequest.class);
    return storageService.execute(request, context.getJobContext(), context::create);
  }
}
