package dev.flowconnections.resolution;

/**
 * A connection cannot be used in the requested environment because of how it is configured:
 * unknown key, no credentials for the environment, unknown secret reference. Retrying does not
 * help, so jobs raise an incident at once. The message names keys and fields, never values.
 */
public class ConnectionResolutionException extends RuntimeException {
  public ConnectionResolutionException(String message) {
    super(message);
  }
}
