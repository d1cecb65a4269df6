package dev.flowconnections.runtime.storage;

import dev.flowconnections.resolution.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorInputException;

/** Checks the ids and names Google Drive and Box calls put into URLs and metadata. */
final class DriveIds {

  private DriveIds() {}

  /**
   * An id goes into a URL path: letters, digits, - and _ only, so it cannot reach another endpoint.
   */
  static String id(String value, String field, ResolvedConnection connection) {
    String id = value.strip();
    if (!isId(id)) {
      throw new ConnectorInputException(
          field
              + ": '"
              + id
              + "' is not a file or folder id of connection '"
              + connection.key()
              + "' (letters, digits, - and _)");
    }
    return id;
  }

  /** Whether a value (e.g. a parent id a provider answered) may go into a URL path as an id. */
  static boolean isId(String value) {
    return value != null && value.matches("[A-Za-z0-9_-]{1,200}");
  }

  static String fileName(String value) {
    String name = value.strip();
    if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
      throw new ConnectorInputException(
          "path: an upload needs a file name after the last '/' (at most 255"
              + " characters, no control characters)");
    }
    return name;
  }
}
