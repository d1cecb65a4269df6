package dev.flowconnections.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.audit.AuditRepository;
import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.change.ChangeRecorder;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionRemover;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.credential.PostgresCredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.openapi.ApiSpecRepository;
import dev.flowconnections.integration.revision.IntegrationRevisions;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.resolution.StoreConnectionResolver;
import dev.flowconnections.runtime.ai.AgentSubProcessWorkerConfiguration;
import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import dev.flowconnections.runtime.oauth2.TokenEndpointClient;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.TcpOutageProxy;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.secret.OrgSecretRepository;
import dev.flowconnections.testsupport.IntegrationDrafts;
import dev.flowconnections.testsupport.PostgresTestSchema;
import dev.flowconnections.testsupport.RuntimeInstance;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15's done-criterion: the same cause ends the same way in every worker
 * (docs/workers/failures.md). Each cause runs against all eight workers — REST, SQL, Email (SMTP
 * and SendGrid), SMS (Twilio), AI Agent (OpenAI), MCP Tool (Streamable HTTP), File Manager (S3),
 * Voice Call (its Twilio connection) — and each must end with the same exception class and error
 * code.
 *
 * <p>The workers are wired by their own {@code *WorkerConfiguration} classes, as in the runtime.
 * The resolution causes use the real resolver on PostgreSQL (reached through a {@link
 * TcpOutageProxy} the test can cut); the causes at the provider use connections pointed at one
 * local {@link RecordingHttpServer}, GreenMail, the real PostgreSQL, or a closed port.
 */
class WorkerFailureVocabularyTest {

  static final RuntimeEnvironment RUNTIME =
      new RuntimeEnvironment(Environment.DEVELOPMENT, "default");

  /** Credentials of the stored connection, for PRODUCTION only: the runtime runs in DEVELOPMENT. */
  static final String PRODUCTION_TOKEN = "prod-token-5b1e77a0";

  static final String STORED_KEY = "billing-api";

  /**
   * A stored connection with DEVELOPMENT credentials: only then does the resolver ask the
   * credential store.
   */
  static final String READY_KEY = "ledger-api";

  static final URI DATABASE = URI.create(PostgresTestSchema.URL.substring("jdbc:".length()));
  static final TcpOutageProxy DATABASE_PROXY =
      new TcpOutageProxy(DATABASE.getHost(), DATABASE.getPort());
  static final RecordingHttpServer PROVIDER = RecordingHttpServer.start();
  static final GreenMail SMTP =
      new GreenMail(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("robot@example.com", "robot", "the-real-password"));

  static String schema;
  static HikariDataSource runtimeDatabase;
  static AnnotationConfigApplicationContext workers;
  static StoreConnectionResolver storeResolver;
  static StoreConnectionResolver sealedStoreResolver;

  /** What the workers' {@link ConnectionResolver} bean asks; each test sets it. */
  static volatile ConnectionResolver resolver;

  @BeforeAll
  static void start() {
    SMTP.start();
    schema = PostgresTestSchema.migratedExtraSchema();
    runtimeDatabase = throughProxy();
    JdbcClient jdbc = JdbcClient.create(runtimeDatabase);
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    CredentialStore store =
        new PostgresCredentialStore(
            jdbc, new EnvelopeCipher(RuntimeInstance.testKeys()), json, Clock.systemUTC());
    ConnectionRepository connectionRows = new ConnectionRepository(jdbc, json);
    IntegrationRepository integrationRows = new IntegrationRepository(jdbc, json);
    OrgSecretRepository orgSecrets =
        new OrgSecretRepository(jdbc, new EnvelopeCipher(RuntimeInstance.testKeys()));
    storeResolver = new StoreConnectionResolver(connectionRows, integrationRows, store, orgSecrets);
    sealedStoreResolver =
        new StoreConnectionResolver(connectionRows, integrationRows, new SealedStore(), orgSecrets);
    seedConnections(store, connectionRows, integrationRows);

    workers = new AnnotationConfigApplicationContext();
    workers
        .getBeanFactory()
        .setConversionService(
            ApplicationConversionService.getSharedInstance()); // "1MB" as Boot reads it
    workers.register(RuntimeBeans.class, WorkerSupportConfiguration.class);
    // the worker packages, as the runtime's component scan finds their configurations; not the
    // AI agent sub-process, a job worker of the Camunda client (its failures:
    // AgentToolsProcessTest)
    ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(workers);
    scanner.addExcludeFilter(new AssignableTypeFilter(AgentSubProcessWorkerConfiguration.class));
    scanner.scan(
        "dev.flowconnections.runtime.rest",
        "dev.flowconnections.runtime.sql",
        "dev.flowconnections.runtime.email",
        "dev.flowconnections.runtime.sms",
        "dev.flowconnections.runtime.ai",
        "dev.flowconnections.runtime.mcp",
        "dev.flowconnections.runtime.storage",
        "dev.flowconnections.runtime.voice");
    workers.refresh();
  }

  @AfterAll
  static void stop() {
    if (workers != null) {
      workers.close();
    }
    if (runtimeDatabase != null) {
      runtimeDatabase.close();
    }
    DATABASE_PROXY.close();
    PROVIDER.close();
    SMTP.stop();
  }

  @AfterEach
  void reset() {
    PROVIDER.reset();
  }

  static Stream<Worker> allWorkers() {
    return Stream.of(Worker.values());
  }

  static Stream<Worker> httpWorkers() {
    return Stream.of(Worker.values()).filter(Worker::http);
  }

  static Stream<Worker> workersWhose401MeansRefusedCredentials() {
    return allWorkers().filter(worker -> worker != Worker.REST);
  }

  // ---- causes before any provider is asked: resolving the connection ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("allWorkers")
  void noCredentialsForTheRuntimesEnvironmentIsAnIncidentNamingTheConnection(Worker worker) {
    resolver = storeResolver;
    // The resolver answers before the worker looks at the connection's type, so one stored REST
    // connection (with PRODUCTION credentials only) serves every worker.
    Throwable failure = worker.run(STORED_KEY);

    assertThat(failure)
        .isExactlyInstanceOf(ConnectionProblem.class)
        .hasMessage("connection '" + STORED_KEY + "' has no credentials for DEVELOPMENT");
    assertThat(failure.getMessage()).doesNotContain(PRODUCTION_TOKEN);
  }

  // ---- tool mode: a connection problem stays an incident when the job is an agent's tool ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("allWorkers")
  void asAnAgentsToolNoCredentialsForTheEnvironmentIsStillAnIncident(Worker worker) {
    resolver = storeResolver;

    Throwable failure = worker.runAsTool(STORED_KEY);

    assertThat(failure)
        .isExactlyInstanceOf(ConnectionProblem.class)
        .hasMessage("connection '" + STORED_KEY + "' has no credentials for DEVELOPMENT");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allWorkers")
  void asAnAgentsToolAnUnknownConnectionIsStillAnIncident(Worker worker) {
    resolver = storeResolver;

    Throwable failure = worker.runAsTool("no-such-connection");

    assertThat(failure)
        .isExactlyInstanceOf(ConnectionProblem.class)
        .hasMessageContaining("'no-such-connection'");
  }

  /** REST included: its 401, a coded answer on a plain task, is an incident for a tool. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("allWorkers")
  void asAnAgentsToolRefusedCredentialsAreStillAnIncident(Worker worker) {
    resolver = worker.connectionTo(refusingServer(worker));

    Throwable failure = worker.runAsTool(worker.key());

    assertThat(failure).isInstanceOf(ConnectionProblem.class);
    assertThat(failure.getMessage())
        .contains(
            worker == Worker.REST
                ? "HTTP 401 from GET /orders/1"
                : "rejected the credentials of connection '" + worker.key() + "' in DEVELOPMENT")
        .doesNotContain(worker.secret());
  }

  /** The worker's own check after resolving: a connection of another type. */
  @Test
  void asAnAgentsToolAConnectionOfAnotherTypeIsStillAnIncident() {
    resolver = Worker.SQL.connectionTo(providerPort());

    Throwable failure = Worker.REST.runAsTool(Worker.SQL.key());

    assertThat(failure)
        .isExactlyInstanceOf(ConnectionProblem.class)
        .hasMessageContaining("only serves REST API connections");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allWorkers")
  void anUnknownConnectionIsAnIncidentNamingIt(Worker worker) {
    resolver = storeResolver;

    Throwable failure = worker.run("no-such-connection");

    assertThat(failure)
        .isExactlyInstanceOf(ConnectionProblem.class)
        .hasMessageContaining("'no-such-connection'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allWorkers")
  void aCredentialStoreThatCannotAnswerIsRetried(Worker worker) {
    resolver = sealedStoreResolver;

    Throwable failure = worker.run(READY_KEY);

    assertRetried(failure, JobFailures.CREDENTIAL_STORE_UNAVAILABLE);
    assertThat(failure)
        .hasMessageContaining("'" + READY_KEY + "'")
        .hasMessageContaining("Vault is sealed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allWorkers")
  void anUnreachableRuntimeDatabaseIsRetriedLikeAnUnavailableCredentialStore(Worker worker) {
    resolver = storeResolver;
    DATABASE_PROXY.cut();
    Throwable failure;
    try {
      failure = worker.run(READY_KEY);
    } finally {
      DATABASE_PROXY.restore();
      awaitRuntimeDatabase();
    }

    assertRetried(failure, JobFailures.CREDENTIAL_STORE_UNAVAILABLE);
    assertThat(failure).hasMessageContaining("'" + READY_KEY + "'");
  }

  // ---- causes at the provider ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("allWorkers")
  void anUnreachableServerIsRetried(Worker worker) {
    resolver = worker.connectionTo(closedPort());

    Throwable failure = worker.run(worker.key());

    assertRetried(failure, JobFailures.CONNECTION_FAILED);
    assertThat(failure.getMessage()).doesNotContain(worker.secret());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("httpWorkers")
  void http429IsRetriedAfterItsRetryAfter(Worker worker) {
    assertOverloadedIsRetried(worker, 429);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("httpWorkers")
  void http503IsRetriedAfterItsRetryAfter(Worker worker) {
    assertOverloadedIsRetried(worker, 503);
  }

  /**
   * A provider that refuses the connection's credentials: HTTP 401 from the APIs, a refused SMTP
   * login (GreenMail knows the user, not this password), a refused database login (the real
   * PostgreSQL knows no such role). Retrying the same credentials cannot help.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("workersWhose401MeansRefusedCredentials")
  void refusedCredentialsAreAnIncidentNamingConnectionAndEnvironment(Worker worker) {
    resolver = worker.connectionTo(refusingServer(worker));

    Throwable failure = worker.run(worker.key());

    assertThat(failure)
        .isExactlyInstanceOf(ConnectionProblem.class)
        .hasMessageContaining(
            "rejected the credentials of connection '" + worker.key() + "' in DEVELOPMENT");
    assertThat(failure.getMessage()).doesNotContain(worker.secret());
  }

  /**
   * The one documented exception: for a REST API a 401 or 403 may be a business rule, so it is a
   * coded answer (code = the status) an errorExpression can route, retried down to an incident.
   */
  @Test
  void restIsTheOneWorkerWhose401IsACodedAnswer() {
    resolver = Worker.REST.connectionTo(providerPort());
    PROVIDER.respond(Reply.json(401, "{\"error\":\"no\"}"));

    Throwable failure = Worker.REST.run(Worker.REST.key());

    assertThat(failure).isExactlyInstanceOf(ConnectorException.class);
    assertThat(((ConnectorException) failure).getErrorCode()).isEqualTo("401");
  }

  /**
   * A server that refuses the worker's credentials: HTTP 401 (the local stand-in), a refused SMTP
   * login (GreenMail), a refused database login (the real PostgreSQL knows no such role).
   */
  private static int refusingServer(Worker worker) {
    return switch (worker) {
      case SQL -> DATABASE.getPort();
      case EMAIL_SMTP -> SMTP.getSmtp().getPort();
      default -> {
        PROVIDER.respond(
            Reply.json(401, "{\"error\":{\"message\":\"bad key " + worker.secret() + "\"}}"));
        yield providerPort();
      }
    };
  }

  private static void assertOverloadedIsRetried(Worker worker, int status) {
    resolver = worker.connectionTo(providerPort());
    PROVIDER.respond(
        Reply.json(status, "{\"error\":{\"message\":\"busy\"}}").withHeader("Retry-After", "7"));

    Throwable failure = worker.run(worker.key());

    assertRetried(failure, String.valueOf(status));
    assertThat(((ConnectorRetryException) failure).getBackoffDuration())
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(failure.getMessage()).doesNotContain(worker.secret());
  }

  private static void assertRetried(Throwable failure, String errorCode) {
    assertThat(failure).isExactlyInstanceOf(ConnectorRetryException.class);
    assertThat(((ConnectorRetryException) failure).getErrorCode())
        .as(failure.getMessage())
        .isEqualTo(errorCode);
  }

  /** The pool may need a moment to connect again after the cut; the next test must not see that. */
  private static void awaitRuntimeDatabase() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        JdbcClient.create(runtimeDatabase).sql("select 1").query(Integer.class).single();
        return;
      } catch (DataAccessException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the runtime database did not come back after the cut", e);
        }
      }
    }
  }

  private static int providerPort() {
    return URI.create(PROVIDER.baseUrl()).getPort();
  }

  /** A port nobody listens on: bound once by the system, then released. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Each worker with a connection to a server at a port, its secret, and a task that is valid as it
   * is. {@code http}: the provider speaks HTTP, so the local stand-in can answer with any status.
   */
  enum Worker {
    REST(
        "restFunction",
        IntegrationType.REST_API,
        AuthScheme.BEARER,
        true,
        port -> Map.of("baseUrl", "http://127.0.0.1:" + port),
        Map.of("token", "rest-token-3c9d2e11"),
        Map.of("method", "GET", "path", "/orders/1")),
    SQL(
        "sqlFunction",
        IntegrationType.DATABASE,
        AuthScheme.NONE,
        false,
        port ->
            Map.of(
                "vendor",
                "POSTGRESQL",
                "jdbcUrl",
                "jdbc:postgresql://127.0.0.1:" + port + DATABASE.getPath(),
                "username",
                "no_such_role_4f1c"),
        Map.of("password", "sql-password-8e2f41"),
        Map.of("statement", "select 1")),
    EMAIL_SMTP(
        "emailFunction",
        IntegrationType.EMAIL,
        AuthScheme.NONE,
        false,
        port ->
            Map.of(
                "provider",
                "SMTP",
                "host",
                "127.0.0.1",
                "port",
                port,
                "tlsMode",
                "NONE",
                "username",
                "robot",
                "fromAddress",
                "robot@example.com"),
        Map.of("password", "smtp-password-71ac3d"),
        Map.of("to", "ann@example.com", "subject", "Order 42 shipped", "textBody", "On its way.")),
    EMAIL_SENDGRID(
        "emailFunction",
        IntegrationType.EMAIL,
        AuthScheme.NONE,
        true,
        port ->
            Map.of(
                "provider",
                "SENDGRID",
                "baseUrl",
                "http://127.0.0.1:" + port,
                "fromAddress",
                "robot@example.com"),
        Map.of("apiKey", "SG.sendgrid-key-0f9b7a"),
        Map.of("to", "ann@example.com", "subject", "Order 42 shipped", "textBody", "On its way.")),
    SMS_TWILIO(
        "smsFunction",
        IntegrationType.SMS,
        AuthScheme.NONE,
        true,
        port ->
            Map.of(
                "provider",
                "TWILIO",
                "baseUrl",
                "http://127.0.0.1:" + port,
                "fromNumber",
                "+15550001111",
                "accountSid",
                "AC0123456789abcdef"),
        Map.of("authToken", "twilio-token-5d0c2b"),
        Map.of("to", "+4915112345678", "message", "Your code is 4711")),
    AI_OPENAI(
        "aiFunction",
        IntegrationType.AI_PROVIDER,
        AuthScheme.API_KEY,
        true,
        port ->
            Map.of(
                "provider",
                "OPENAI",
                "baseUrl",
                "http://127.0.0.1:" + port,
                "defaultModel",
                "gpt-test"),
        Map.of("apiKey", "sk-openai-key-44e1b9"),
        Map.of("userPrompt", "Printer on fire, please help")),
    MCP_HTTP(
        "mcpFunction",
        IntegrationType.MCP,
        AuthScheme.BEARER,
        true,
        port -> Map.of("transport", "HTTP", "url", "http://127.0.0.1:" + port + "/mcp"),
        Map.of("token", "mcp-token-9a3f6c"),
        Map.of("operation", "listTools")),
    STORAGE_S3(
        "storageFunction",
        IntegrationType.STORAGE,
        AuthScheme.NONE,
        true,
        port ->
            Map.of(
                "provider",
                "AMAZON_S3",
                "baseUrl",
                "http://127.0.0.1:" + port,
                "region",
                "eu-central-1",
                "bucket",
                "invoices",
                "pathStyleAccess",
                "true",
                "accessKeyId",
                "AKIAIOSFODNN7EXAMPLE"),
        Map.of("secretAccessKey", "s3-secret-key-6b2d90"),
        Map.of("operation", "LIST")),
    /** The connection under test is the Twilio one; Twilio's own voice needs no AI connection. */
    VOICE_TWILIO(
        "voiceCallFunction",
        IntegrationType.SMS,
        AuthScheme.NONE,
        true,
        port ->
            Map.of(
                "provider",
                "TWILIO",
                "baseUrl",
                "http://127.0.0.1:" + port,
                "fromNumber",
                "+15550001111",
                "accountSid",
                "AC0123456789abcdef"),
        Map.of("authToken", "twilio-token-8e4a1c"),
        Map.of(
            "connection",
            "unused-speech",
            "to",
            "+4915112345678",
            "message",
            "Your parcel arrives today.",
            "speech",
            "twilio"),
        "telephonyConnection");

    private final String functionBean;
    private final IntegrationType type;
    private final AuthScheme scheme;
    private final boolean http;
    private final IntFunction<Map<String, Object>> settingsAt;
    private final Map<String, String> secrets;
    private final Map<String, Object> task;
    private final String connectionInput;

    Worker(
        String functionBean,
        IntegrationType type,
        AuthScheme scheme,
        boolean http,
        IntFunction<Map<String, Object>> settingsAt,
        Map<String, String> secrets,
        Map<String, Object> task) {
      this(functionBean, type, scheme, http, settingsAt, secrets, task, "connection");
    }

    /**
     * @param connectionInput the task's input naming the connection under test
     */
    Worker(
        String functionBean,
        IntegrationType type,
        AuthScheme scheme,
        boolean http,
        IntFunction<Map<String, Object>> settingsAt,
        Map<String, String> secrets,
        Map<String, Object> task,
        String connectionInput) {
      this.functionBean = functionBean;
      this.type = type;
      this.scheme = scheme;
      this.http = http;
      this.settingsAt = settingsAt;
      this.secrets = secrets;
      this.task = task;
      this.connectionInput = connectionInput;
    }

    boolean http() {
      return http;
    }

    String key() {
      return name().toLowerCase().replace('_', '-');
    }

    String secret() {
      return secrets.values().iterator().next();
    }

    /**
     * A resolver that hands out this worker's connection, in DEVELOPMENT, to a server at {@code
     * port}.
     */
    ConnectionResolver connectionTo(int port) {
      ResolvedConnection connection =
          new ResolvedConnection(
              key(),
              key() + " integration",
              type,
              scheme,
              Environment.DEVELOPMENT,
              settingsAt.apply(port),
              SecretValues.of(secrets));
      return (organizationId, connectionKey, environment, caller) -> {
        if (!connectionKey.equals(connection.key())) {
          throw new ConnectionResolutionException(
              "connection '" + connectionKey + "' does not exist");
        }
        return connection;
      };
    }

    /**
     * Runs this worker's task on {@code connectionKey} as the connector runtime would; what it
     * threw.
     */
    Throwable run(String connectionKey) {
      return run(connectionKey, Map.of());
    }

    /**
     * As {@link #run(String)}, for a job of an AI agent's tool (header agentTool=true), with the
     * bounds the modeller must set on such a tool (allowed recipients, a root folder).
     */
    Throwable runAsTool(String connectionKey) {
      Map<String, Object> bounds = new LinkedHashMap<>();
      if (type == IntegrationType.EMAIL) {
        bounds.put("allowedRecipients", task.get("to"));
      } else if (type == IntegrationType.STORAGE) {
        bounds.put("rootFolder", "vocabulary");
      }
      return run(connectionKey, Map.of("agentTool", "true"), bounds);
    }

    private Throwable run(String connectionKey, Map<String, String> headers) {
      return run(connectionKey, headers, Map.of());
    }

    private Throwable run(
        String connectionKey, Map<String, String> headers, Map<String, Object> bounds) {
      Map<String, Object> variables = new LinkedHashMap<>(task);
      variables.putAll(bounds);
      variables.put(connectionInput, connectionKey);
      OutboundConnectorFunction function =
          workers.getBean(functionBean, OutboundConnectorFunction.class);
      Object[] result = new Object[1];
      Throwable failure =
          catchThrowable(
              () ->
                  result[0] =
                      function.execute(
                          WorkerTestContext.withHeaders(functionBean, variables, headers)));
      assertThat(failure).as(this + " must fail, returned " + result[0]).isNotNull();
      return failure;
    }
  }

  /** What the runtime's application context gives the worker configurations. */
  @Configuration(proxyBeanMethods = false)
  static class RuntimeBeans {

    @Bean
    ConnectionResolver connectionResolver() {
      return (organizationId, key, environment, caller) ->
          resolver.resolve(organizationId, key, environment, caller);
    }

    @Bean
    RuntimeEnvironment runtimeEnvironment() {
      return RUNTIME;
    }

    /**
     * Straight to PostgreSQL, not through the proxy: the audit log is not under test, and a write
     * cut mid-statement trips an assertion inside the driver (tests run with -ea).
     */
    @Bean
    BatchingAuditWriter connectionReads() {
      DriverManagerDataSource auditDatabase =
          new DriverManagerDataSource(
              PostgresTestSchema.jdbcUrl(schema),
              PostgresTestSchema.USER,
              PostgresTestSchema.PASSWORD);
      return new BatchingAuditWriter(
          new AuditRepository(new JdbcTemplate(auditDatabase)), 1_000, 50);
    }

    @Bean
    OAuth2AccessTokens oauth2AccessTokens() {
      return new OAuth2AccessTokens(
          new TokenEndpointClient(ConnectorsObjectMapperSupplier.getCopy()),
          null,
          Clock.systemUTC());
    }

    @Bean
    StdioCommands stdioCommands() {
      return StdioCommands.NONE;
    }

    /** The REST worker's OpenAPI documents (no task here names an operation). */
    @Bean
    ApiSpecRepository apiSpecRepository() {
      return new ApiSpecRepository(
          JdbcClient.create(runtimeDatabase), new ObjectMapper().findAndRegisterModules());
    }
  }

  /** A credential store that cannot answer, as a sealed Vault. */
  static final class SealedStore implements CredentialStore {
    @Override
    public Optional<SecretValues> read(CredentialLocation location) {
      throw new CredentialStoreUnavailableException("Vault is sealed", null);
    }

    @Override
    public void write(CredentialLocation location, SecretValues values) {
      throw new CredentialStoreUnavailableException("Vault is sealed", null);
    }

    @Override
    public void delete(CredentialLocation location) {
      throw new CredentialStoreUnavailableException("Vault is sealed", null);
    }

    @Override
    public String name() {
      return "sealed";
    }
  }

  /**
   * The runtime's pool, through the proxy; a short connection timeout so a cut database fails a job
   * fast, yet long enough for a connection through the proxy on a loaded 2-core machine.
   */
  private static HikariDataSource throughProxy() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(
        "jdbc:postgresql://127.0.0.1:"
            + DATABASE_PROXY.port()
            + DATABASE.getPath()
            + "?currentSchema="
            + schema);
    config.setUsername(PostgresTestSchema.USER);
    config.setPassword(PostgresTestSchema.PASSWORD);
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(3_000);
    config.setPoolName("vocabulary-runtime-db");
    return new HikariDataSource(config);
  }

  /**
   * Through the real services: REST connections {@value #STORED_KEY} with credentials for
   * PRODUCTION only, and {@value #READY_KEY} with credentials for DEVELOPMENT.
   */
  private static void seedConnections(
      CredentialStore store,
      ConnectionRepository connectionRows,
      IntegrationRepository integrationRows) {
    TransactionTemplate tx =
        new TransactionTemplate(new DataSourceTransactionManager(runtimeDatabase));
    ConnectionRemover remover = new ConnectionRemover(connectionRows, store);
    Actor admin = new Actor("admin", RUNTIME.organizationFor(""), Set.of(Role.ADMIN));
    ChangeRecorder changes =
        new ChangeRecorder(new AuditRepository(new JdbcTemplate(runtimeDatabase)), event -> {});
    Integration integration =
        new IntegrationService(
                integrationRows,
                connectionRows,
                remover,
                tx,
                changes,
                Clock.systemUTC(),
                new IntegrationRevisions(JdbcClient.create(runtimeDatabase)))
            .create(
                admin,
                IntegrationDrafts.restSameForAll(
                    "Billing",
                    null,
                    AuthScheme.BEARER,
                    Map.of("baseUrl", "https://billing.example.com")));
    ConnectionService connections =
        new ConnectionService(
            connectionRows, integrationRows, store, remover, tx, changes, Clock.systemUTC());
    var connection =
        organizationConnection(
            connections,
            admin,
            integration,
            "Billing",
            STORED_KEY,
            Environment.PRODUCTION,
            PRODUCTION_TOKEN);
    assertThat(connection.connection().key()).isEqualTo(STORED_KEY);
    organizationConnection(
        connections,
        admin,
        integration,
        "Ledger",
        READY_KEY,
        Environment.DEVELOPMENT,
        "dev-token-2a7c4e19");
  }

  /** A connection of the organization with {@code key} and a token in one environment. */
  private static ConnectionView organizationConnection(
      ConnectionService connections,
      Actor admin,
      Integration integration,
      String name,
      String key,
      Environment environment,
      String token) {
    ConnectionView connection =
        connections.create(
            admin, new ConnectionDraft(integration.id(), name, key, Visibility.ORGANIZATION, null));
    connections.putEnvironment(
        admin, connection.connection().id(), environment, Map.of("token", token), null);
    return connection;
  }
}
