package dev.flowconnections.demo.postgres;

import dev.flowconnections.demo.DemoProperties;
import dev.flowconnections.demo.FlowConnectionsDemo;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * First run with nothing but a JDK: when the demo finds no PostgreSQL at spring.datasource.url it
 * starts {@link EmbeddedPostgres} and points the datasource at it, before anything connects.
 *
 * <p>Only with the demo profile and {@code flow-connections.demo.embedded-postgres.enabled}, and
 * only when nothing accepts a connection there: a server that answers and refuses the login fails
 * the start as it always does. The server stops with the application.
 */
public class EmbeddedPostgresFallback implements EnvironmentPostProcessor {

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final Log log;

  public EmbeddedPostgresFallback(DeferredLogFactory logs) {
    this.log = logs.getLog(EmbeddedPostgresFallback.class);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of(FlowConnectionsDemo.PROFILE))) {
      return;
    }
    DemoProperties.EmbeddedPostgres settings =
        Binder.get(environment)
            .bindOrCreate("flow-connections.demo", DemoProperties.class)
            .getEmbeddedPostgres();
    Optional<PostgresAddress> configured =
        PostgresAddress.parse(environment.getProperty("spring.datasource.url"));
    if (!settings.isEnabled() || configured.isEmpty() || configured.get().answers(PROBE_TIMEOUT)) {
      return;
    }
    PostgresAddress address = configured.get();
    EmbeddedPostgres server = EmbeddedPostgres.start(settings.getDir());
    try {
      server.createDatabaseIfMissing(address.database());
      environment
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "demoEmbeddedPostgres",
                  Map.of(
                      "spring.datasource.url", address.onLocalPort(server.port()),
                      "spring.datasource.username", EmbeddedPostgres.SUPERUSER,
                      "spring.datasource.password", server.password())));
      application.addListeners(new StopWithTheApplication(server));
      log.info(
          "No PostgreSQL at "
              + address
              + "; started an embedded PostgreSQL "
              + server.version()
              + " with its data in "
              + server.dir()
              + " (demo only)");
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
  }

  /** The application's own context closing, or its start failing after the server started. */
  private record StopWithTheApplication(EmbeddedPostgres server)
      implements ApplicationListener<ApplicationEvent> {

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
      if (event instanceof ContextClosedEvent closed
              && closed.getApplicationContext().getParent() == null
          || event instanceof ApplicationFailedEvent) {
        server.stop();
      }
    }
  }
}
