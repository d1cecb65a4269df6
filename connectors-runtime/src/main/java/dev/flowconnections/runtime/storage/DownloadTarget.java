package dev.flowconnections.runtime.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a downloaded file goes: a Camunda document (streamed to the document store) or a text
 * variable.
 */
public enum DownloadTarget {
  @JsonProperty("document")
  DOCUMENT,
  @JsonProperty("text")
  TEXT
}
