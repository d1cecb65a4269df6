package dev.flowconnections.runtime.storage;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.worker.WorkerFunction;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.connector.api.annotation.OutboundConnector;

/**
 * The File Manager task of Flow Connections: lists, uploads, downloads or deletes files of a
 * Storage connection (Amazon S3 or an S3-compatible store, Google Drive, OneDrive, Box), resolved
 * for the environment this runtime serves. Downloads become Camunda documents.
 *
 * <p>Result: {@link StorageResult}.
 */
@OutboundConnector(
    name = "Flow Connections File Manager",
    inputVariables = {
      "connection",
      "operation",
      "path",
      "document",
      "content",
      "contentType",
      "downloadAs",
      "maxResults",
      "rootFolder"
    },
    type = StorageFunction.TYPE)
@WorkerDescriptor(
    request = StorageRequest.class,
    connectionType = IntegrationType.STORAGE,
    groups = {
      @TemplateGroup(id = "file", label = "File"),
      @TemplateGroup(id = "content", label = "Content"),
      @TemplateGroup(id = "guard", label = "Guard")
    },
    nodes = {
      @NodeTemplate(
          id = "file-manager",
          label = "File Manager",
          description = "List, upload, download or delete files of a Storage connection")
    })
public class StorageFunction extends WorkerFunction<StorageRequest> {

  public static final String TYPE = "io.flowconnections:storage:1";

  public StorageFunction(StorageService storageService) {
    super(
        (request, context) ->
            storageService.execute(request, context.getJobContext(), context::create));
  }
}
