package dev.flowconnections.autoconfigure;

import dev.flowconnections.errors.StartupConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a {@link StartupConfigurationException} as Spring Boot's "APPLICATION FAILED TO START"
 * report.
 */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupConfigurationException cause) {
    return new FailureAnalysis(
        "Flow Connections cannot start: " + cause.getMessage(), cause.action(), cause);
  }
}
