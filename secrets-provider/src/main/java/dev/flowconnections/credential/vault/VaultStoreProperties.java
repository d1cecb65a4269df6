package dev.flowconnections.credential.vault;

import java.net.URI;
import java.time.Duration;

/**
 * {@code flow-connections.store.vault.*}: where Vault is, how secrets are laid out and how the
 * runtime logs in. Secret settings (token, secret-id) are never logged or shown by {@link
 * #toString()}.
 */
public class VaultStoreProperties {

  /** e.g. {@code https://vault.example.com:8200}. */
  private URI uri;

  /** The KV version 2 mount. */
  private String mount = "secret";

  /**
   * Path of one connection environment below the mount; placeholders {@code {organization}}, {@code
   * {connection}} (the key), {@code {connectionId}} and {@code {environment}}.
   */
  private String pathPattern = VaultPathLayout.DEFAULT_PATTERN;

  private VaultAuthenticationMethod authentication = VaultAuthenticationMethod.TOKEN;

  /** For TOKEN authentication. */
  private String token;

  private final AppRole appRole = new AppRole();
  private final Kubernetes kubernetes = new Kubernetes();

  private Duration connectTimeout = Duration.ofSeconds(2);
  private Duration readTimeout = Duration.ofSeconds(5);

  /** Renew the login token this long before it expires. */
  private Duration renewBeforeExpiry = Duration.ofSeconds(5);

  public URI getUri() {
    return uri;
  }

  public void setUri(URI uri) {
    this.uri = uri;
  }

  public String getMount() {
    return mount;
  }

  public void setMount(String mount) {
    this.mount = mount;
  }

  public String getPathPattern() {
    return pathPattern;
  }

  public void setPathPattern(String pathPattern) {
    this.pathPattern = pathPattern;
  }

  public VaultAuthenticationMethod getAuthentication() {
    return authentication;
  }

  public void setAuthentication(VaultAuthenticationMethod authentication) {
    this.authentication = authentication;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public AppRole getAppRole() {
    return appRole;
  }

  public Kubernetes getKubernetes() {
    return kubernetes;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public Duration getRenewBeforeExpiry() {
    return renewBeforeExpiry;
  }

  public void setRenewBeforeExpiry(Duration renewBeforeExpiry) {
    this.renewBeforeExpiry = renewBeforeExpiry;
  }

  @Override
  public String toString() {
    return "VaultStoreProperties[uri="
        + uri
        + ", mount="
        + mount
        + ", pathPattern="
        + pathPattern
        + ", authentication="
        + authentication
        + " (credentials hidden)]";
  }

  /** {@code flow-connections.store.vault.app-role.*} */
  public static class AppRole {
    /** Mount path of the AppRole auth method. */
    private String path = "approle";

    private String roleId;
    private String secretId;

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }

    public String getRoleId() {
      return roleId;
    }

    public void setRoleId(String roleId) {
      this.roleId = roleId;
    }

    public String getSecretId() {
      return secretId;
    }

    public void setSecretId(String secretId) {
      this.secretId = secretId;
    }

    @Override
    public String toString() {
      return "AppRole[path=" + path + ", roleId=" + roleId + ", secretId hidden]";
    }
  }

  /** {@code flow-connections.store.vault.kubernetes.*} */
  public static class Kubernetes {
    /** Mount path of the Kubernetes auth method. */
    private String path = "kubernetes";

    private String role;

    /** The projected service-account token, read at every login (Kubernetes rotates it). */
    private String serviceAccountTokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role;
    }

    public String getServiceAccountTokenFile() {
      return serviceAccountTokenFile;
    }

    public void setServiceAccountTokenFile(String serviceAccountTokenFile) {
      this.serviceAccountTokenFile = serviceAccountTokenFile;
    }
  }
}
