package dev.flowconnections.sample.load;

import dev.flowconnections.demo.FlowConnectionsDemo;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo application ({@link FlowConnectionsDemo}: runtime, in-memory engine, management API) on
 * the load schema, started in this JVM. Start-up time is from {@code run} to {@link
 * ApplicationReadyEvent}: Flyway, the catalogue of every organization and every other start-up
 * runner included.
 */
final class LoadApplication implements AutoCloseable {

  static final String ADMIN = "load-admin";
  static final String PASSWORD = "load-password";

  private final ConfigurableApplicationContext context;
  private final long startupNanos;

  private LoadApplication(ConfigurableApplicationContext context, long startupNanos) {
    this.context = context;
    this.startupNanos = startupNanos;
  }

  static LoadApplication start(LoadOptions options) {
    SpringApplication application = new SpringApplication(FlowConnectionsDemo.class);
    application.setAdditionalProfiles(FlowConnectionsDemo.PROFILE);
    AtomicLong ready = new AtomicLong();
    application.addListeners(
        (org.springframework.context.ApplicationListener<ApplicationReadyEvent>)
            event -> ready.set(System.nanoTime()));
    long start = System.nanoTime();
    ConfigurableApplicationContext context = application.run(arguments(options));
    return new LoadApplication(context, ready.get() - start);
  }

  /** Command-line properties: they win over application-demo.yml, lists included. */
  private static String[] arguments(LoadOptions options) {
    int enginePort = freePort();
    List<String> args = new ArrayList<>();
    String schema = options.schema();
    args.add("--spring.datasource.url=" + PostgresTestSchema.jdbcUrl(schema));
    args.add("--spring.datasource.username=" + PostgresTestSchema.USER);
    args.add("--spring.datasource.password=" + PostgresTestSchema.PASSWORD);
    args.add("--spring.flyway.schemas=" + schema);
    args.add("--spring.main.banner-mode=off");
    args.add("--server.port=0");
    // the schema outlives the run: a fixed key, not the demo's key file
    args.add("--flow-connections.encryption.master-key=" + RuntimeTestSupport.TEST_MASTER_KEY);
    args.add("--flow-connections.demo.engine-port=" + enginePort);
    args.add("--camunda.client.grpc-address=http://127.0.0.1:" + enginePort);
    args.add("--flow-connections.demo.echo-port=0");
    args.add("--flow-connections.demo.run-example-on-startup=false");
    args.add("--flow-connections.demo.embedded-postgres.enabled=false");
    args.add("--camunda.client.execution-threads=" + options.workerThreads());
    args.add("--camunda.client.worker.defaults.max-jobs-active=" + options.maxJobsActive());
    args.add("--logging.level.root=WARN");
    // one admin per organization: the big one is the runtime's own ("default")
    addUser(args, 0, ADMIN, null);
    for (int i = 1; i < options.orgs(); i++) {
      addUser(args, i, adminOf(LoadSeeder.organization(i)), LoadSeeder.organization(i));
    }
    return args.toArray(String[]::new);
  }

  private static void addUser(List<String> args, int index, String username, String organization) {
    String prefix = "--flow-connections.security.users[" + index + "].";
    args.add(prefix + "username=" + username);
    args.add(prefix + "password={noop}" + PASSWORD);
    args.add(prefix + "roles[0]=ADMIN");
    if (organization != null) {
      args.add(prefix + "organization=" + organization);
    }
  }

  static String adminOf(String organization) {
    return ADMIN + "-" + organization;
  }

  /** A port free now, for the engine, whose address the client must know before it starts. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  long startupNanos() {
    return startupNanos;
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    context.close();
  }
}
