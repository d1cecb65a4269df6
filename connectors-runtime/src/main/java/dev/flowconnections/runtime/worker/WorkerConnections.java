package dev.flowconnections.runtime.worker;

import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.resolution.RuntimeEnvironment;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;

/**
 * How every job worker gets its connection: for the runtime's environment and the job's tenant,
 * of the integration type the worker serves. A configuration problem becomes an incident without
 * retries whose message is the resolver's (it names key, field and environment, never a value);
 * an unreachable credential store is retried.
 */
public class WorkerConnections {

  private final ConnectionResolver resolver;
  private final RuntimeEnvironment runtime;

  public WorkerConnections(ConnectionResolver resolver, RuntimeEnvironment runtime) {
    this.resolver = resolver;
    this.runtime = runtime;
  }

  public RuntimeEnvironment runtime() {
    return runtime;
  }

  /** @param worker the worker's name for the wrong-type message, e.g. "REST" */
  public ResolvedConnection resolve(String key, String tenantId, IntegrationType type, String worker) {
    ResolvedConnection connection;
    try {
      connection = resolver.resolve(runtime.organizationFor(tenantId), key, runtime.environment());
    } catch (ConnectionResolutionException e) {
      throw configurationProblem(e);
    } catch (CredentialStoreUnavailableException e) {
      throw ConnectorRetryException.builder()
          .errorCode("CREDENTIAL_STORE_UNAVAILABLE")
          .message("credentials of connection '" + key + "' cannot be read right now: " + e.getMessage())
          .build();
    }
    if (connection.type() != type) {
      throw new ConnectorInputException(
          "connection '" + key + "' is a " + connection.type().label() + " connection; the " + worker
              + " worker needs a " + type.label() + " connection");
    }
    return connection;
  }

  public static ConnectorInputException configurationProblem(ConnectionResolutionException e) {
    return new ConnectorInputException(e.getMessage(), e);
  }
}
