package dev.flowconnections.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code flow-connections.demo.*} */
@ConfigurationProperties("flow-connections.demo")
public class DemoProperties {

  /** gRPC port of the in-memory engine; camunda.client.grpc-address must point at it. */
  private int enginePort = 26500;

  /** Port of the echo endpoint the demo connection calls (127.0.0.1 only); 0 picks a free one. */
  private int echoPort = 8099;

  /** Run the example process once at startup and log its outcome. */
  private boolean runExampleOnStartup = true;

  /** The PostgreSQL the demo starts itself when none answers at spring.datasource.url. */
  private final EmbeddedPostgres embeddedPostgres = new EmbeddedPostgres();

  public int getEnginePort() {
    return enginePort;
  }

  public void setEnginePort(int enginePort) {
    this.enginePort = enginePort;
  }

  public int getEchoPort() {
    return echoPort;
  }

  public void setEchoPort(int echoPort) {
    this.echoPort = echoPort;
  }

  public boolean isRunExampleOnStartup() {
    return runExampleOnStartup;
  }

  public void setRunExampleOnStartup(boolean runExampleOnStartup) {
    this.runExampleOnStartup = runExampleOnStartup;
  }

  public EmbeddedPostgres getEmbeddedPostgres() {
    return embeddedPostgres;
  }

  /** {@code flow-connections.demo.embedded-postgres.*} */
  public static class EmbeddedPostgres {

    /** Start one when nothing answers at the configured URL (the demo profile turns this on). */
    private boolean enabled;

    /** Its binaries, data and password; kept between starts. */
    private Path dir = Path.of(System.getProperty("user.home"), ".flow-connections", "postgres");

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Path getDir() {
      return dir;
    }

    public void setDir(Path dir) {
      this.dir = dir;
    }
  }
}
