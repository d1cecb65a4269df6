package dev.flowconnections.credential.vault;

import java.util.Optional;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.ClientAuthentication;
import org.springframework.vault.authentication.KubernetesAuthentication;
import org.springframework.vault.authentication.KubernetesAuthenticationOptions;
import org.springframework.vault.authentication.KubernetesServiceAccountTokenFile;
import org.springframework.vault.authentication.LifecycleAwareSessionManager;
import org.springframework.vault.authentication.LifecycleAwareSessionManagerSupport.FixedTimeoutRefreshTrigger;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.web.client.RestTemplate;

/**
 * A logged-in connection to Vault: Spring Vault's template over a {@link
 * LifecycleAwareSessionManager} that renews the token before it expires and logs in again once it
 * cannot be renewed any more. Close it to stop renewing and to revoke a token we logged in for
 * (never a configured TOKEN).
 */
public final class VaultSession implements AutoCloseable {

  private final VaultTemplate template;
  private final ReloginSessionManager sessions;
  private final ThreadPoolTaskScheduler scheduler;
  private final VaultStoreProperties properties;

  private VaultSession(
      VaultTemplate template,
      ReloginSessionManager sessions,
      ThreadPoolTaskScheduler scheduler,
      VaultStoreProperties properties) {
    this.template = template;
    this.sessions = sessions;
    this.scheduler = scheduler;
    this.properties = properties;
  }

  /**
   * Connects lazily: the first login happens with the first request, so a down Vault does not stop
   * startup.
   */
  public static VaultSession open(VaultStoreProperties properties) {
    if (properties.getUri() == null) {
      throw new IllegalArgumentException(
          "flow-connections.store.vault.uri is required when the Vault store is used");
    }
    VaultEndpoint endpoint = VaultEndpoint.from(properties.getUri());
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.getConnectTimeout());
    requests.setReadTimeout(properties.getReadTimeout());
    RestTemplate rest = VaultClients.createRestTemplate(endpoint, requests);

    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(1);
    scheduler.setDaemon(true);
    scheduler.setThreadNamePrefix("vault-session-");
    scheduler.initialize();

    ReloginSessionManager sessions =
        new ReloginSessionManager(
            authentication(properties, rest),
            scheduler,
            rest,
            new FixedTimeoutRefreshTrigger(
                properties.getRenewBeforeExpiry(),
                properties.getRenewBeforeExpiry().plusSeconds(2)));
    VaultTemplate template =
        new VaultTemplate(endpoint, (ClientHttpRequestFactory) requests, sessions);
    return new VaultSession(template, sessions, scheduler, properties);
  }

  private static ClientAuthentication authentication(
      VaultStoreProperties properties, RestTemplate rest) {
    return switch (properties.getAuthentication()) {
      case TOKEN -> {
        require(properties.getToken(), "token");
        yield new TokenAuthentication(properties.getToken());
      }
      case APPROLE -> {
        VaultStoreProperties.AppRole appRole = properties.getAppRole();
        require(appRole.getRoleId(), "app-role.role-id");
        require(appRole.getSecretId(), "app-role.secret-id");
        yield new AppRoleAuthentication(
            AppRoleAuthenticationOptions.builder()
                .path(appRole.getPath())
                .roleId(AppRoleAuthenticationOptions.RoleId.provided(appRole.getRoleId()))
                .secretId(AppRoleAuthenticationOptions.SecretId.provided(appRole.getSecretId()))
                .build(),
            rest);
      }
      case KUBERNETES -> {
        VaultStoreProperties.Kubernetes kubernetes = properties.getKubernetes();
        require(kubernetes.getRole(), "kubernetes.role");
        String tokenFile = kubernetes.getServiceAccountTokenFile();
        yield new KubernetesAuthentication(
            KubernetesAuthenticationOptions.builder()
                .path(kubernetes.getPath())
                .role(kubernetes.getRole())
                // a supplier, so each login reads the current (rotated) service-account token
                .jwtSupplier(() -> new KubernetesServiceAccountTokenFile(tokenFile).get())
                .build(),
            rest);
      }
    };
  }

  private static void require(String value, String property) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "flow-connections.store.vault." + property + " is required for this authentication");
    }
  }

  public VaultVersionedKeyValueOperations keyValue() {
    return template.opsForVersionedKeyValue(properties.getMount());
  }

  public VaultStoreProperties properties() {
    return properties;
  }

  /**
   * Forgets the current token so the next request logs in again: after Vault said 403, the token
   * may have been revoked or have expired between renewals. A configured TOKEN comes back as it
   * was.
   */
  void forgetToken() {
    sessions.forgetToken();
  }

  @Override
  public void close() {
    sessions.destroy();
    scheduler.shutdown();
  }

  /** Spring Vault's session manager, plus dropping a token Vault no longer accepts. */
  private static final class ReloginSessionManager extends LifecycleAwareSessionManager {
    ReloginSessionManager(
        ClientAuthentication authentication,
        ThreadPoolTaskScheduler scheduler,
        RestTemplate rest,
        FixedTimeoutRefreshTrigger trigger) {
      super(authentication, scheduler, rest, trigger);
    }

    void forgetToken() {
      setToken(Optional.empty());
    }
  }
}
