package dev.flowconnections.errors;

/**
 * A configuration that cannot work, found while starting: its message is one line that names the
 * setting, and {@link #action()} says what to do. A Spring Boot failure analyzer
 * (autoconfigure.StartupFailureAnalyzer) prints both instead of a stack trace.
 */
public class StartupConfigurationException extends IllegalStateException {

  private final String action;

  public StartupConfigurationException(String problem, String action) {
    super(problem);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
