package dev.flowconnections.runtime.storage;

import dev.flowconnections.templates.node.TemplateProperty;
import dev.flowconnections.templates.node.TemplateProperty.ShownWhen;
import dev.flowconnections.templates.node.TemplateProperty.Type;
import io.camunda.connector.api.document.Document;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a File Manager task asks for, bound from the job's variables. The connection supplies the
 * provider, bucket or root folder and the credentials, so a process never holds any of them.
 *
 * @param path S3: the object key (for list: the key prefix); OneDrive: a path below the root
 *     folder; Google Drive and Box: a file id (download, delete), a folder id (list), or {@code
 *     [folderId/]fileName} (upload)
 * @param document upload: the Camunda document to store
 * @param content upload: a text to store instead of a document (UTF-8)
 * @param contentType upload: the stored file's media type; the document's, else guessed from the
 *     name
 * @param downloadAs download: {@code document} (default) or {@code text}, which is bounded by the
 *     worker's variable limit
 * @param maxResults list: at most this many entries, 1 to {@value #MAX_RESULTS} (default {@value
 *     #DEFAULT_MAX_RESULTS})
 * @param rootFolder null for none; else every path must stay below it (see {@link RootFolder})
 */
public record StorageRequest(
    @NotBlank String connection,
    @TemplateProperty(label = "Operation", group = "file", defaultValue = "list") @NotNull
        StorageOperation operation,
    @TemplateProperty(
            label = "Path",
            group = "file",
            description =
                "S3: object key (list: key prefix). OneDrive: path below the root folder. Google Drive, Box:"
                    + " file id (download, delete), folder id (list), [folderId/]file name (upload). Empty lists the root")
        @Size(max = 1024)
        String path,
    @TemplateProperty(
            label = "Document",
            group = "content",
            shownWhen = @ShownWhen(property = "operation", oneOf = "upload"),
            description =
                "The Camunda document to upload, e.g. =invoice (streamed; see the worker's file size limit)")
        Document document,
    @TemplateProperty(
            label = "Text content",
            group = "content",
            type = Type.TEXT,
            shownWhen = @ShownWhen(property = "operation", oneOf = "upload"),
            description =
                "Instead of a document: a text to store as UTF-8 (at most the variable size limit)")
        String content,
    @TemplateProperty(
            label = "Content type",
            group = "content",
            shownWhen = @ShownWhen(property = "operation", oneOf = "upload"),
            description = "Defaults to the document's, else guessed from the file name")
        @Size(max = 255)
        String contentType,
    @TemplateProperty(
            label = "Download as",
            group = "content",
            defaultValue = "document",
            shownWhen = @ShownWhen(property = "operation", oneOf = "download"))
        DownloadTarget downloadAs,
    @TemplateProperty(
            label = "Max results",
            group = "file",
            defaultValue = "" + DEFAULT_MAX_RESULTS,
            shownWhen = @ShownWhen(property = "operation", oneOf = "list"),
            description = "{min} to {max}; more entries set truncated = true")
        @Min(1)
        @Max(MAX_RESULTS)
        Integer maxResults,
    @TemplateProperty(
            label = "Root folder",
            group = "guard",
            description =
                "Confines the task to this folder: path is then relative to it and results never"
                    + " name anything outside. S3: key prefix. OneDrive: folder below the"
                    + " integration's root. Google Drive, Box: folder id. Set it when an AI model"
                    + " fills the path")
        @Size(max = 1024)
        String rootFolder) {

  static final int MAX_RESULTS = 1000;
  public static final int DEFAULT_MAX_RESULTS = 100;

  int resultLimit() {
    return maxResults == null ? DEFAULT_MAX_RESULTS : maxResults;
  }

  DownloadTarget target() {
    return downloadAs == null ? DownloadTarget.DOCUMENT : downloadAs;
  }
}
