package dev.flowconnections.runtime.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.camunda.connector.api.document.Document;
import java.util.List;

/**
 * The result of a File Manager task, available to the task's {@code resultExpression}. Only what
 * the operation produced is set.
 *
 * @param path list, download, delete: the path asked for; upload: the stored file's path or id
 * @param items list: the entries, at most {@code maxResults}
 * @param truncated list: whether there were more entries
 * @param document download as document: the Camunda document reference (the content is in the
 *     document store)
 * @param content download as text: the file's text
 * @param size upload and download: bytes transferred
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorageResult(
    String provider,
    String operation,
    String path,
    List<StorageItem> items,
    Boolean truncated,
    Document document,
    String content,
    Long size,
    String contentType,
    Boolean deleted) {

  /** The same result naming {@code path}, e.g. relative to a task's root folder. */
  StorageResult withPath(String path) {
    return new StorageResult(
        provider, operation, path, items, truncated, document, content, size, contentType, deleted);
  }

  static StorageResult listed(
      StorageProvider provider, String path, List<StorageItem> items, boolean truncated) {
    return new StorageResult(
        provider.name(), "list", path, items, truncated, null, null, null, null, null);
  }

  static StorageResult uploaded(
      StorageProvider provider, String path, long size, String contentType) {
    return new StorageResult(
        provider.name(), "upload", path, null, null, null, null, size, contentType, null);
  }

  static StorageResult downloaded(
      StorageProvider provider,
      String path,
      Document document,
      String content,
      long size,
      String contentType) {
    return new StorageResult(
        provider.name(), "download", path, null, null, document, content, size, contentType, null);
  }

  static StorageResult deleted(StorageProvider provider, String path) {
    return new StorageResult(
        provider.name(), "delete", path, null, null, null, null, null, null, true);
  }
}
