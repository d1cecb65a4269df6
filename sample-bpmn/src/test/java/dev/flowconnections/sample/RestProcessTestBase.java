package dev.flowconnections.sample;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs {@code bpmn/rest-connection-example.bpmn} against the real runtime and a local HTTP server
 * (the {@link ExampleProcessTestBase} set-up, with the same check that no secret reaches a record).
 * Subclasses pick the environment and bring their own engine, so each runtime only ever sees its
 * own jobs.
 */
abstract class RestProcessTestBase extends ExampleProcessTestBase {

  static final String PROCESS_ID = "rest-connection-example";

  RestProcessTestBase(ProcessTestRuntime runtime) {
    super(runtime, PROCESS_ID);
  }

  @Override
  String fixturePrefix() {
    return getClass().getSimpleName().replace("RuntimeRestProcessTest", "");
  }

  RecordingHttpServer server() {
    return runtime().server();
  }

  @BeforeEach
  void resetServer() {
    server().reset();
  }

  /** A BEARER connection to the local server (base path /api) with a token per environment. */
  ConnectionView bearerConnection(Map<Environment, String> tokens) {
    ConnectionView connection =
        connections.restConnection(
            AuthScheme.BEARER, Map.of(FieldCatalog.BASE_URL, server().baseUrl() + "/api"));
    tokens.forEach(
        (environment, token) ->
            connections.credentials(
                connection, environment, Map.of(FieldCatalog.TOKEN, secret(token))));
    return connection;
  }

  /** A BEARER connection to the local server with a token for DEVELOPMENT only. */
  ConnectionView developmentBearerConnection(String token) {
    return bearerConnection(Map.of(Environment.DEVELOPMENT, token));
  }

  /** Starts the example process: GET {@code path} over {@code connection}. */
  long startGet(ConnectionView connection, String path) {
    return start(Map.of("connection", keyOf(connection), "path", path));
  }
}
