package dev.flowconnections.runtime.rest;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.openapi.ApiSpec;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import dev.flowconnections.runtime.oauth2.TokenEndpointClient;
import dev.flowconnections.runtime.rest.auth.Authentications;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A REST worker in front of a {@link RecordingHttpServer}, with one connection that a fixed
 * resolver hands out for the key {@value #KEY} (any other key "does not exist", as in the store).
 */
public final class RestTestFixture implements AutoCloseable {

  public static final String KEY = "orders-api";

  public final RecordingHttpServer server = RecordingHttpServer.start();

  /**
   * Client credentials only: connections built here have no store to keep authorization-code
   * tokens.
   */
  public final OAuth2AccessTokens oauth2 =
      new OAuth2AccessTokens(
          new TokenEndpointClient(ConnectorsObjectMapperSupplier.getCopy()),
          null,
          Clock.systemUTC());

  private ResolvedConnection connection;
  private RuntimeException resolutionFailure;
  private ApiSpec document;

  /** The connection the resolver hands out; settings get baseUrl = the server unless given. */
  public RestTestFixture connection(
      AuthScheme scheme, Map<String, Object> settings, Map<String, ?> secrets) {
    return connection(IntegrationType.REST_API, scheme, settings, secrets);
  }

  public RestTestFixture connection(
      IntegrationType type,
      AuthScheme scheme,
      Map<String, Object> settings,
      Map<String, ?> secrets) {
    Map<String, Object> withBase = new LinkedHashMap<>();
    withBase.put(FieldCatalog.BASE_URL, server.baseUrl());
    withBase.putAll(settings);
    this.connection =
        new ResolvedConnection(
            KEY,
            "Orders API",
            type,
            scheme,
            Environment.DEVELOPMENT,
            withBase,
            SecretValues.of(secrets));
    return this;
  }

  /** The active OpenAPI document of the connection's integration, for tasks naming operations. */
  public RestTestFixture document(ApiSpec spec) {
    this.document = spec;
    return this;
  }

  /** Makes the resolver fail as the store would, e.g. with an unavailable credential store. */
  public RestTestFixture resolutionFails(RuntimeException failure) {
    this.resolutionFailure = failure;
    return this;
  }

  /**
   * Runs the worker as the connector runtime would, on variables {@code connection=KEY, method=GET}
   * plus {@code variables}.
   */
  public Object execute(Map<String, ?> variables) {
    Map<String, Object> all = new HashMap<>(Map.of("connection", KEY, "method", "GET"));
    all.putAll(variables);
    return function().execute(new WorkerTestContext(RestFunction.TYPE, all));
  }

  /** As {@link #execute}, for the job of an AI agent's tool (header agentTool=true). */
  public Object executeAsTool(Map<String, ?> variables) {
    Map<String, Object> all = new HashMap<>(Map.of("connection", KEY, "method", "GET"));
    all.putAll(variables);
    return function().execute(WorkerTestContext.agentTool(RestFunction.TYPE, all));
  }

  public RestResponse get(String path) {
    return (RestResponse) execute(Map.of("path", path));
  }

  public RestFunction function() {
    ConnectionResolver resolver =
        (organizationId, key, environment, caller) -> {
          if (resolutionFailure != null) {
            throw resolutionFailure;
          }
          if (connection == null || !connection.key().equals(key)) {
            throw new ConnectionResolutionException("connection '" + key + "' does not exist");
          }
          return connection;
        };
    return new RestFunction(
        new RestService(
            resolver,
            new RuntimeEnvironment(Environment.DEVELOPMENT, "default"),
            ConnectorsObjectMapperSupplier.getCopy(),
            new Authentications(oauth2),
            new RestOperations(
                (org, key) -> KEY.equals(key) ? Optional.ofNullable(document) : Optional.empty())));
  }

  @Override
  public void close() {
    server.close();
  }
}
