package dev.flowconnections.runtime.worker;

import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.audit.ProcessReference;
import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.scope.ProcessScopeException;
import dev.flowconnections.scope.RuntimeCaller;
import io.camunda.connector.api.outbound.JobContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Resolves the connection a job names, for this runtime's environment, the way every Flow
 * Connections worker reports problems: a configuration problem (unknown key, no credentials for the
 * environment, a connection of another type) is a {@link ConnectionProblem}, an incident at once
 * since retrying cannot help; an unavailable credential store (or the runtime's database holding
 * the connections) is retried. A connection or org secret the job's process may not use (process
 * scope) is such an incident too, and the refusal is queued for the audit log like a read.
 */
public final class WorkerConnections {

  private final ConnectionResolver resolver;
  private final RuntimeEnvironment runtime;
  private final BatchingAuditWriter reads;
  private final Clock clock;

  /** Without an audit log, for tests; the runtime always records reads. */
  public WorkerConnections(ConnectionResolver resolver, RuntimeEnvironment runtime) {
    this(resolver, runtime, null);
  }

  /**
   * @param reads records every successful resolution in the audit log, off the job's thread
   */
  public WorkerConnections(
      ConnectionResolver resolver, RuntimeEnvironment runtime, BatchingAuditWriter reads) {
    this.resolver = resolver;
    this.runtime = runtime;
    this.reads = reads;
    this.clock = Clock.systemUTC();
  }

  public RuntimeEnvironment runtime() {
    return runtime;
  }

  /**
   * Resolves for the job's tenant; the audit log records which process instance and element read
   * the connection.
   *
   * @param workerName how incidents name the worker, e.g. "email worker"
   */
  public ResolvedConnection resolve(
      String key, JobContext job, IntegrationType expected, String workerName) {
    String organizationId = runtime.organizationFor(job.getTenantId());
    ResolvedConnection connection;
    try {
      // process scope: the job's process is the only caller identity a job has
      connection =
          resolver.resolve(
              organizationId,
              key,
              runtime.environment(),
              RuntimeCaller.process(job.getBpmnProcessId()));
    } catch (ProcessScopeException e) {
      if (reads != null) {
        reads.record(
            AuditEvent.refused(
                organizationId,
                clock.instant(),
                e.subject(),
                e.subjectKey(),
                runtime.environment(),
                processOf(job),
                workerName));
      }
      throw configurationProblem(e);
    } catch (ConnectionResolutionException e) {
      throw configurationProblem(e);
    } catch (CredentialStoreUnavailableException e) {
      throw JobFailures.credentialStoreUnavailable(key, e.getMessage());
    } catch (DataAccessResourceFailureException | TransientDataAccessException e) {
      // Connections (and, by default, their credentials) live in the runtime's database: when it
      // cannot answer, the store is unavailable. The driver's message is not needed to say so.
      throw JobFailures.credentialStoreUnavailable(key, "the runtime's database cannot be reached");
    }
    if (connection.type() != expected) {
      throw new ConnectionProblem(
          "connection '"
              + key
              + "' is of type "
              + connection.type().label()
              + "; the "
              + workerName
              + " only serves "
              + expected.label()
              + " connections");
    }
    if (reads != null) {
      // queued, never written on the job's thread: the audit log cannot slow down or fail the job
      reads.record(
          AuditEvent.read(
              organizationId,
              clock.instant(),
              key,
              runtime.environment(),
              processOf(job),
              workerName));
    }
    return connection;
  }

  /**
   * {@link #resolve(String, JobContext, IntegrationType, String)}, then reads which provider the
   * connection's integration names (an unknown one is a configuration problem, an incident).
   *
   * @param providerOf reads the provider setting, e.g. {@code EmailProvider::of}
   */
  public <P extends Enum<P>> ProviderConnection<P> resolve(
      String key,
      JobContext job,
      IntegrationType expected,
      String workerName,
      Function<ResolvedConnection, P> providerOf) {
    ResolvedConnection connection = resolve(key, job, expected, workerName);
    return new ProviderConnection<>(connection, providerOf.apply(connection));
  }

  private static ProcessReference processOf(JobContext job) {
    return new ProcessReference(
        job.getProcessInstanceKey(),
        job.getBpmnProcessId(),
        job.getElementId(),
        job.getElementInstanceKey());
  }

  /**
   * Masks the connection's secret values and {@code derivedSecrets} (what a provider may echo:
   * base64 of user:password, a signature) in whatever the worker reports.
   */
  public static SecretMasker maskerFor(ResolvedConnection connection, String... derivedSecrets) {
    List<String> secrets = new ArrayList<>(connection.secrets().allValues());
    secrets.addAll(
        connection.orgSecretValues()); // e.g. a non-secret username set to @@SECRET:DB_USER@@
    secrets.addAll(List.of(derivedSecrets));
    return SecretMasker.of(secrets);
  }

  /** The resolver's message names key, field and environment, never a value: it is the incident. */
  public static ConnectionProblem configurationProblem(ConnectionResolutionException e) {
    return new ConnectionProblem(e.getMessage(), e);
  }
}
