package dev.flowconnections.runtime.storage;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.worker.WorkerFunction;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
import dev.flowconnections.templates.node.ToolInput;
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
          description = "List, upload, download or delete files of a Storage connection"),
      @NodeTemplate(
          id = "file-manager-tool",
          label = "File Manager Tool",
          description =
              "Files an AI Agent may list, read and write as a tool, inside the folder or prefix"
                  + " the task sets: place it inside the agent's ad-hoc sub-process",
          toolDescription =
              "Lists, reads (download) or writes (upload) text files in a folder. Paths are"
                  + " relative to that folder.",
          toolInputs = {
            @ToolInput(
                input = "operation",
                value =
                    "=fromAi(toolCall.operation, \"What to do with the file\", \"string\","
                        + " {enum: [\"list\", \"download\", \"upload\"]})"),
            @ToolInput(
                input = "path",
                description = "The file's path inside the folder; empty to list the folder"),
            @ToolInput(input = "content", description = "The text to write, for upload"),
            @ToolInput(input = "downloadAs", value = "text")
          })
    })
public class StorageFunction extends WorkerFunction<StorageRequest> {

  public static final String TYPE = "io.flowconnections:storage:1";

  public StorageFunction(StorageService storageService) {
    super(
        (request, context) ->
            storageService.execute(request, context.getJobContext(), context::create));
  }
}
