package dev.flowconnections.runtime.storage;

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
 * @param contentType upload: the stored file's media type; the document's, else guessed from the name
 * @param downloadAs download: {@code document} (default) or {@code text}, which is bounded by the
 *     worker's variable limit
 * @param maxResults list: at most this many entries, 1 to {@value #MAX_RESULTS} (default {@value #DEFAULT_MAX_RESULTS})
 */
public record StorageRequest(
    @NotBlank String connection,
    @NotNull StorageOperation operation,
    @Size(max = 1024) String path,
    Document document,
    String content,
    @Size(max = 255) String contentType,
    DownloadTarget downloadAs,
    @Min(1) @Max(MAX_RESULTS) Integer maxResults) {

  static final int MAX_RESULTS = 1000;
  public static final int DEFAULT_MAX_RESULTS = 100;

  int resultLimit() {
    return maxResults == null ? DEFAULT_MAX_RESULTS : maxResults;
  }

  DownloadTarget target() {
    return downloadAs == null ? DownloadTarget.DOCUMENT : downloadAs;
  }
}
