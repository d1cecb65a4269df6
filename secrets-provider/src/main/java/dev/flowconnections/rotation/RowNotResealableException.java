package dev.flowconnections.rotation;

/** A row's envelope did not open; the message names table, row ids and key id, never data. */
class RowNotResealableException extends RuntimeException {
  RowNotResealableException(String message) {
    super(message, null);
  }
}
