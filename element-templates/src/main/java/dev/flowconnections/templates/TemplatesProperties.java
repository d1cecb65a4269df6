package dev.flowconnections.templates;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code flow-connections.templates.*} */
@ConfigurationProperties("flow-connections.templates")
public class TemplatesProperties {

  /**
   * Publish automatically shortly after integrations or connections change, so a new connection
   * reaches Modeler (folder export, Web Modeler push, downloads) without an administrator. On by
   * default; switch it off to publish only with {@code POST /api/templates/publish}.
   */
  private boolean autoPublish = true;

  /** Changes within this window are published together. */
  private Duration autoPublishDelay = Duration.ofSeconds(2);

  /**
   * Folder to write the newest templates to after each publication, e.g. Desktop Modeler's {@code
   * resources/element-templates}. Only organization-wide content is written.
   */
  private Path exportDir;

  /**
   * The most connections a template's dropdown lists. Above it a node's template is split into one
   * template per integration (each listing that integration's connections), and a list still longer
   * becomes a connection key input. Organizations below it get exactly the templates they had.
   */
  private int maxDropdownChoices = ElementTemplateGenerator.DEFAULT_MAX_DROPDOWN_CHOICES;

  private final WebModeler webModeler = new WebModeler();

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

  public int getMaxDropdownChoices() {
    return maxDropdownChoices;
  }

  public void setMaxDropdownChoices(int maxDropdownChoices) {
    this.maxDropdownChoices = maxDropdownChoices;
  }

  public WebModeler getWebModeler() {
    return webModeler;
  }

  /**
   * {@code flow-connections.templates.web-modeler.*}: push the newest templates into a Camunda Web
   * Modeler project after each publication. Off unless {@code base-url} is set.
   */
  public static class WebModeler {

    /** Web Modeler, e.g. https://modeler.example.com; the API is under {@code /api/v1}. */
    private URI baseUrl;

    /** The project the templates are written to. */
    private String projectId;

    /** Optional folder of the project for files created by the push. */
    private String folderId;

    /** OAuth2 token endpoint for the client-credentials grant. */
    private URI tokenUrl;

    private String clientId;

    private String clientSecret;

    private String audience = "web-modeler-api";

    /** Put before each template's name to form its file name, e.g. "[FC] ". */
    private String fileNamePrefix = "";

    /** Connect and response timeout of every call, token request included. */
    private Duration timeout = Duration.ofSeconds(10);

    /**
     * Whose templates are pushed; defaults to {@code flow-connections.organization-id}. A project
     * belongs to one organization: other organizations' connection names must not reach it.
     */
    private String organizationId;

    /** Names of the settings a push cannot work without and that are not set. */
    public List<String> missingSettings() {
      List<String> missing = new ArrayList<>();
      if (blank(projectId)) {
        missing.add("project-id");
      }
      if (tokenUrl == null) {
        missing.add("token-url");
      }
      if (blank(clientId)) {
        missing.add("client-id");
      }
      if (blank(clientSecret)) {
        missing.add("client-secret");
      }
      return missing;
    }

    private static boolean blank(String value) {
      return value == null || value.isBlank();
    }

    public URI getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getProjectId() {
      return projectId;
    }

    public void setProjectId(String projectId) {
      this.projectId = projectId;
    }

    public String getFolderId() {
      return folderId;
    }

    public void setFolderId(String folderId) {
      this.folderId = folderId;
    }

    public URI getTokenUrl() {
      return tokenUrl;
    }

    public void setTokenUrl(URI tokenUrl) {
      this.tokenUrl = tokenUrl;
    }

    public String getClientId() {
      return clientId;
    }

    public void setClientId(String clientId) {
      this.clientId = clientId;
    }

    public String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
    }

    public String getAudience() {
      return audience;
    }

    public void setAudience(String audience) {
      this.audience = audience;
    }

    public String getFileNamePrefix() {
      return fileNamePrefix;
    }

    public void setFileNamePrefix(String fileNamePrefix) {
      this.fileNamePrefix = fileNamePrefix == null ? "" : fileNamePrefix;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }

    public String getOrganizationId() {
      return organizationId;
    }

    public void setOrganizationId(String organizationId) {
      this.organizationId = organizationId;
    }
  }
}
