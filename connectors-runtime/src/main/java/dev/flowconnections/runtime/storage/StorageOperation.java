package dev.flowconnections.runtime.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a File Manager task does; the names are the template's dropdown values. */
public enum StorageOperation {
  @JsonProperty("list")
  LIST,
  @JsonProperty("upload")
  UPLOAD,
  @JsonProperty("download")
  DOWNLOAD,
  @JsonProperty("delete")
  DELETE
}
