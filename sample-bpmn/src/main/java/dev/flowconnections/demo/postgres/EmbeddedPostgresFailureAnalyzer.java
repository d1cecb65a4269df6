package dev.flowconnections.demo.postgres;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One line when the demo's own PostgreSQL cannot be started, instead of a stack trace. */
class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresException cause) {
    return new FailureAnalysis(
        "Flow Connections cannot start: no PostgreSQL answers at spring.datasource.url and the demo's embedded one did not start: "
            + cause.getMessage(),
        "Start PostgreSQL at the configured URL (FLOW_CONNECTIONS_DB_URL), or fix what the message names; "
            + "flow-connections.demo.embedded-postgres.dir can point the embedded one elsewhere.",
        cause);
  }
}
