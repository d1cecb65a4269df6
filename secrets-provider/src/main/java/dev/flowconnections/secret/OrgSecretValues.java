package dev.flowconnections.secret;

import dev.flowconnections.scope.RuntimeCaller;
import java.util.Optional;

/**
 * Where resolution reads org secret values: the repository, or a cache in front of it ({@link
 * dev.flowconnections.resolution.CachingOrgSecretValues}).
 */
public interface OrgSecretValues {

  /**
   * The plain value for {@code caller}, checked against the secret's allowed processes before
   * anything is decrypted. Empty for an unknown key.
   *
   * @throws dev.flowconnections.scope.ProcessScopeException when the secret may not be used by the
   *     caller
   */
  Optional<String> value(String organizationId, String key, RuntimeCaller caller);
}
