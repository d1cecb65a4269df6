package dev.flowconnections.secretprovider;

import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.scope.ProcessScopeException;
import dev.flowconnections.scope.RuntimeCaller;
import dev.flowconnections.secret.OrgSecretValues;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.api.secret.SecretProvider;
import java.time.Instant;

/**
 * Lets any Camunda connector use connections and org secrets through placeholders:
 *
 * <ul>
 *   <li>{@code {{secrets.connections.<key>.<field>}}}, e.g. {@code connections.sales-crm.token},
 *       and {@code connections.<key>.headers.<Header-Name>} for one entry of a key-value field;
 *   <li>{@code {{secrets.<KEY>}}} for an organization secret.
 * </ul>
 *
 * Values come from the runtime's environment only. A connection that exists but cannot serve this
 * environment throws (fail closed) instead of answering null, which would let another provider
 * answer; an unknown org secret answers null, as the SecretProvider contract asks. Process scope
 * applies: a connection or secret the calling process may not use throws, and the refusal is
 * audited.
 *
 * <p>It answers only inside a guarded outbound job ({@link JobScope}, opened by the {@link
 * PlaceholderGuard}, which asks only for placeholders the process model writes); any other call is
 * refused, so nothing outside a job (an inbound connector, a stray caller) gets a value. The job's
 * process is the caller that process scope checks.
 */
public class ConnectionsSecretProvider implements SecretProvider {

  static final String PREFIX = "connections.";

  /** How the audit log names reads through {@code {{secrets.connections...}}}. */
  public static final String WORKER = "secret provider";

  private final ConnectionResolver resolver;
  private final OrgSecretValues orgSecrets;
  private final RuntimeEnvironment runtime;

  private final BatchingAuditWriter reads;

  public ConnectionsSecretProvider(
      ConnectionResolver resolver, OrgSecretValues orgSecrets, RuntimeEnvironment runtime) {
    this(resolver, orgSecrets, runtime, null);
  }

  /**
   * @param reads records each connection a placeholder read (or was refused) in the audit log, with
   *     the job's process instance from the {@link JobScope}
   */
  public ConnectionsSecretProvider(
      ConnectionResolver resolver,
      OrgSecretValues orgSecrets,
      RuntimeEnvironment runtime,
      BatchingAuditWriter reads) {
    this.resolver = resolver;
    this.orgSecrets = orgSecrets;
    this.runtime = runtime;
    this.reads = reads;
  }

  @Override
  public String getSecret(String name, SecretContext context) {
    JobScope job =
        JobScope.current().orElseThrow(() -> new SecretPlaceholderRefusedException(name));
    String organizationId = runtime.organizationFor(context == null ? null : context.tenantId());
    RuntimeCaller caller = RuntimeCaller.process(job.bpmnProcessId());
    try {
      if (name.startsWith(PREFIX)) {
        return connectionField(organizationId, name.substring(PREFIX.length()), caller, job);
      }
      return orgSecrets.value(organizationId, name, caller).orElse(null);
    } catch (ProcessScopeException e) {
      if (reads != null) {
        reads.record(
            AuditEvent.refused(
                organizationId,
                Instant.now(),
                e.subject(),
                e.subjectKey(),
                runtime.environment(),
                job.processReference(),
                WORKER));
      }
      throw e;
    }
  }

  private String connectionField(
      String organizationId, String reference, RuntimeCaller caller, JobScope job) {
    int dot = reference.indexOf('.');
    if (dot <= 0 || dot == reference.length() - 1) {
      throw new ConnectionResolutionException(
          "secret reference 'connections."
              + reference
              + "' must have the form connections.<key>.<field>");
    }
    String key = reference.substring(0, dot);
    String field = reference.substring(dot + 1);
    ResolvedConnection connection =
        resolver.resolve(organizationId, key, runtime.environment(), caller);
    if (reads != null) {
      reads.record(
          AuditEvent.read(
              organizationId,
              Instant.now(),
              key,
              runtime.environment(),
              job.processReference(),
              WORKER));
    }
    int entryDot = field.indexOf('.');
    if (entryDot > 0) {
      String mapField = field.substring(0, entryDot);
      String entry = field.substring(entryDot + 1);
      return connection
          .secrets()
          .map(mapField)
          .map(m -> m.get(entry))
          .orElseThrow(() -> unknownField(key, field));
    }
    return connection.text(field).orElseThrow(() -> unknownField(key, field));
  }

  private ConnectionResolutionException unknownField(String key, String field) {
    return new ConnectionResolutionException(
        "connection '" + key + "' has no field '" + field + "' in " + runtime.environment());
  }
}
