package dev.flowconnections.templates.webmodeler;

import java.net.URI;
import java.time.Duration;

/**
 * {@code flow-connections.templates.web-modeler.*}: where and as whom published templates are pushed
 * to Camunda Web Modeler (its public REST API v1). Off unless {@code base-url} is set.
 */
public class WebModelerProperties {

  private URI baseUrl;
  private String projectId;
  private String folderId;
  private URI tokenUrl;
  private String clientId;
  private String clientSecret;
  private String audience = "web-modeler-api";
  private String fileNamePrefix = "";
  private Duration timeout = Duration.ofSeconds(10);
  /** Whose templates are pushed: one Web Modeler project serves one organization. */
  private String organizationId = "default";

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
    this.fileNamePrefix = fileNamePrefix;
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

  @Override
  public String toString() {
    return "WebModelerProperties[baseUrl=" + baseUrl + ", projectId=" + projectId + ", clientId=" + clientId + "]";
  }
}
