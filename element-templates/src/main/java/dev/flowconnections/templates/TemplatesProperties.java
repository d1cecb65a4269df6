package dev.flowconnections.templates;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code flow-connections.templates.*} */
@ConfigurationProperties("flow-connections.templates")
public class TemplatesProperties {

  /** Publish automatically after integrations or connections change. */
  private boolean autoPublish = false;

  /** Changes within this window are published together. */
  private Duration autoPublishDelay = Duration.ofSeconds(2);

  /**
   * Folder to write the newest templates to after each publication, e.g. Desktop Modeler's
   * {@code resources/element-templates}. Only organization-wide content is written.
   */
  private Path exportDir;

  public boolean isAutoPublish() {
    return autoPublish;
  }

  public void setAutoPublish(boolean autoPublish) {
    this.autoPublish = autoPublish;
  }

  public Duration getAutoPublishDelay() {
    return autoPublishDelay;
  }

  public void setAutoPublishDelay(Duration autoPublishDelay) {
    this.autoPublishDelay = autoPublishDelay;
  }

  public Path getExportDir() {
    return exportDir;
  }

  public void setExportDir(Path exportDir) {
    this.exportDir = exportDir;
  }
}
