package dev.flowconnections.credential.vault;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.environment.Environment;
import java.time.Duration;
import java.util.UUID;

/** Properties and locations for tests against {@link InProcessVaultServer}. */
public final class VaultTestSupport {

  public static final String MOUNT = "secret";

  private VaultTestSupport() {}

  public static VaultStoreProperties tokenProperties(InProcessVaultServer server, String token) {
    VaultStoreProperties properties = new VaultStoreProperties();
    properties.setUri(server.uri());
    properties.setMount(MOUNT);
    properties.setAuthentication(VaultAuthenticationMethod.TOKEN);
    properties.setToken(token);
    properties.setConnectTimeout(Duration.ofMillis(500));
    properties.setReadTimeout(Duration.ofSeconds(2));
    return properties;
  }

  public static VaultStoreProperties appRoleProperties(
      InProcessVaultServer server, String roleId, String secretId) {
    VaultStoreProperties properties = tokenProperties(server, null);
    properties.setAuthentication(VaultAuthenticationMethod.APPROLE);
    properties.getAppRole().setRoleId(roleId);
    properties.getAppRole().setSecretId(secretId);
    return properties;
  }

  public static CredentialLocation location(
      String organization, String key, Environment environment) {
    return new CredentialLocation(organization, UUID.randomUUID(), key, environment);
  }

  public static String uniqueKey(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
