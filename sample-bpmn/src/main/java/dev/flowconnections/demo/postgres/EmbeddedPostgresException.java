package dev.flowconnections.demo.postgres;

/** The demo's embedded PostgreSQL could not be set up or started; the message says why. */
public class EmbeddedPostgresException extends RuntimeException {

  EmbeddedPostgresException(String message) {
    super(message);
  }

  EmbeddedPostgresException(String message, Throwable cause) {
    super(message, cause);
  }
}
