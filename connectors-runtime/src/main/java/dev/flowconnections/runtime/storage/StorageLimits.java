package dev.flowconnections.runtime.storage;

import io.camunda.connector.api.error.ConnectorInputException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a File Manager task moves. Files travel as Camunda documents, streamed between the
 * provider and the document store; only a text download or a text upload passes through process
 * variables, which the engine keeps in its state and exports, so those are held to the much smaller
 * {@code maxVariableSize}.
 *
 * @param maxVariableSize the largest text a download may place in a process variable (or an upload
 *     take from one)
 * @param maxFileSize the largest file uploaded or downloaded as a document
 */
@ConfigurationProperties("flow-connections.storage")
public record StorageLimits(
    @DefaultValue("256KB") DataSize maxVariableSize, @DefaultValue("100MB") DataSize maxFileSize) {

  static final String VARIABLE_PROPERTY = "flow-connections.storage.max-variable-size";
  static final String FILE_PROPERTY = "flow-connections.storage.max-file-size";

  public static StorageLimits defaults() {
    return new StorageLimits(DataSize.ofKilobytes(256), DataSize.ofMegabytes(100));
  }

  ConnectorInputException variableTooLarge(String path, long size, boolean exact) {
    return tooLarge(
        path,
        size,
        exact,
        maxVariableSize,
        "process variables",
        VARIABLE_PROPERTY,
        "; download it as a document instead");
  }

  ConnectorInputException fileTooLarge(String path, long size, boolean exact) {
    return tooLarge(path, size, exact, maxFileSize, "files", FILE_PROPERTY, "");
  }

  private static ConnectorInputException tooLarge(
      String path,
      long size,
      boolean exact,
      DataSize limit,
      String what,
      String property,
      String advice) {
    String sizeText = exact ? "is " + size + " bytes" : "is larger than " + (size - 1) + " bytes";
    return new ConnectorInputException(
        "the file '"
            + path
            + "' "
            + sizeText
            + ", above the storage worker's limit of "
            + limit.toBytes()
            + " bytes ("
            + describe(limit)
            + ") for "
            + what
            + " ("
            + property
            + ")"
            + advice);
  }

  private static String describe(DataSize size) {
    long bytes = size.toBytes();
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " B";
  }
}
