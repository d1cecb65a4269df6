package dev.flowconnections.runtime.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import dev.flowconnections.runtime.oauth2.TokenEndpointClient;
import dev.flowconnections.runtime.rest.auth.Authentication;
import dev.flowconnections.runtime.rest.auth.Authentications;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * Calls a REST API through a connection: resolves the connection for this runtime's environment,
 * authenticates by the connection's scheme, and hands back the response with credentials masked.
 *
 * <p>A task may name an operation of the integration's OpenAPI document instead of method and path
 * ({@link RestOperations}).
 *
 * <p>How failures surface: a configuration problem (unknown connection, no credentials for this
 * environment, wrong integration type, bad path) is a {@link ConnectorInputException}, which the
 * runtime turns into an incident at once because retrying cannot help; an unavailable credential
 * store is retried; a non-2xx answer is a {@code ConnectorException} coded with the status.
 */
public class RestService {

  private static final Logger LOG = LoggerFactory.getLogger(RestService.class);

  private final WorkerConnections connections;
  private final RestHttpClient http;
  private final ResponseReader responses;
  private final Authentications authentications;
  private final RestOperations operations;

  /**
   * What {@code flow-connections.rest.max-response-size} defaults to: well below Zeebe's 4 MB
   * message limit.
   */
  public static final DataSize DEFAULT_MAX_RESPONSE_SIZE = DataSize.ofMegabytes(1);

  /** Without the runtime's OAuth2 store: OAuth2 connections work with client credentials only. */
  public RestService(ConnectionResolver resolver, RuntimeEnvironment runtime, ObjectMapper json) {
    this(resolver, runtime, json, DEFAULT_MAX_RESPONSE_SIZE);
  }

  /** Without the runtime's OAuth2 store: OAuth2 connections work with client credentials only. */
  public RestService(
      ConnectionResolver resolver,
      RuntimeEnvironment runtime,
      ObjectMapper json,
      DataSize maxResponseSize) {
    this(
        resolver,
        runtime,
        json,
        maxResponseSize,
        new Authentications(
            new OAuth2AccessTokens(new TokenEndpointClient(json), null, Clock.systemUTC())));
  }

  public RestService(
      ConnectionResolver resolver,
      RuntimeEnvironment runtime,
      ObjectMapper json,
      Authentications authentications) {
    this(resolver, runtime, json, DEFAULT_MAX_RESPONSE_SIZE, authentications);
  }

  private RestService(
      ConnectionResolver resolver,
      RuntimeEnvironment runtime,
      ObjectMapper json,
      DataSize maxResponseSize,
      Authentications authentications) {
    this(
        new WorkerConnections(resolver, runtime),
        json,
        maxResponseSize,
        authentications,
        RestOperations.NONE);
  }

  /** Without the runtime's OAuth2 store, with OpenAPI operations from {@code operations}. */
  public RestService(
      ConnectionResolver resolver,
      RuntimeEnvironment runtime,
      ObjectMapper json,
      Authentications authentications,
      RestOperations operations) {
    this(
        new WorkerConnections(resolver, runtime),
        json,
        DEFAULT_MAX_RESPONSE_SIZE,
        authentications,
        operations);
  }

  /**
   * As the runtime wires it: the audit log records reads, OAuth2 tokens come from the runtime's
   * store.
   */
  public RestService(
      WorkerConnections connections,
      ObjectMapper json,
      DataSize maxResponseSize,
      Authentications authentications,
      RestOperations operations) {
    this.connections = connections;
    this.operations = operations;
    this.authentications = authentications;
    this.http = new RestHttpClient(json, maxResponseSize.toBytes());
    this.responses = new ResponseReader(json);
  }

  /**
   * @param job the job: its tenant names the organization of the connection; the audit log names
   *     its process instance
   */
  public RestResponse call(RestRequest request, JobContext job) {
    return call(
        connections.resolve(request.connection(), job, IntegrationType.REST_API, "REST worker"),
        request);
  }

  /**
   * Calls through an already resolved connection, e.g. for a connection test of another
   * environment.
   */
  public RestResponse call(ResolvedConnection connection, RestRequest task) {
    RestRequest request = operations.apply(task, connection);
    Authentication authentication = authenticationOf(connection);
    SecretMasker masker = maskerFor(connection, authentication);
    OutgoingRequest outgoing = new OutgoingRequest(request.headers(), request.queryParameters());
    authentication.apply(outgoing);
    URI uri = RestUrl.resolve(baseUrlOf(connection), request.path(), outgoing.queryParameters());
    // The path may hold a resolved {{secrets...}} placeholder; the URI may hold an API key.
    LOG.debug(
        "{} {} via connection '{}' ({})",
        request.method(),
        masker.mask(request.displayPath()),
        connection.key(),
        connection.environment());
    RestResponse response = responses.read(http.send(request, uri, outgoing, masker), masker);
    if (!response.isSuccessful()) {
      throw RestFailures.httpStatus(request.method(), request.displayPath(), response, masker);
    }
    return response;
  }

  private Authentication authenticationOf(ResolvedConnection connection) {
    try {
      return authentications.forConnection(connection);
    } catch (ConnectionResolutionException e) {
      throw WorkerConnections.configurationProblem(e);
    }
  }

  private static String baseUrlOf(ResolvedConnection connection) {
    try {
      return connection.requireText(FieldCatalog.BASE_URL);
    } catch (ConnectionResolutionException e) {
      throw WorkerConnections.configurationProblem(e);
    }
  }

  private static SecretMasker maskerFor(
      ResolvedConnection connection, Authentication authentication) {
    return WorkerConnections.maskerFor(
        connection, authentication.derivedSecrets().toArray(String[]::new));
  }
}
