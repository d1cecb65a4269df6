package dev.flowconnections.credential.vault;

import dev.flowconnections.credential.vault.InProcessVaultServer.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token side of {@link InProcessVaultServer}: service tokens with real-time TTLs, AppRole and
 * Kubernetes logins, and the {@code auth/token} self endpoints (lookup, renew with Vault's max-TTL
 * cap, revoke).
 */
final class VaultTokens {

  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, AppRole> appRoles = new ConcurrentHashMap<>();
  private final Map<String, KubernetesRole> kubernetesRoles = new ConcurrentHashMap<>();

  /** A token that is known and not expired, or null. */
  Token live(String id) {
    if (id == null) {
      return null;
    }
    Token token = tokens.get(id);
    if (token == null || !token.expiresAt.isAfter(Instant.now())) {
      return null;
    }
    return token;
  }

  String create(Duration ttl, Duration maxTtl, boolean renewable, Policy policy) {
    String id = "hvs." + UUID.randomUUID().toString().replace("-", "");
    Instant now = Instant.now();
    tokens.put(
        id,
        new Token(
            id, "acc-" + UUID.randomUUID(), policy, ttl, maxTtl, renewable, now, now.plus(ttl)));
    return id;
  }

  void addAppRole(
      String roleId, String secretId, Duration tokenTtl, Duration tokenMaxTtl, Policy policy) {
    appRoles.put(roleId, new AppRole(secretId, tokenTtl, tokenMaxTtl, policy));
  }

  void addKubernetesRole(String role, String serviceAccountJwt, Duration tokenTtl, Policy policy) {
    kubernetesRoles.put(role, new KubernetesRole(serviceAccountJwt, tokenTtl, policy));
  }

  void revokeAll() {
    tokens.clear();
  }

  void revoke(String id) {
    tokens.remove(id);
  }

  int liveCount() {
    return (int) tokens.values().stream().filter(t -> t.expiresAt.isAfter(Instant.now())).count();
  }

  VaultReply appRoleLogin(Map<String, Object> body) {
    AppRole role = appRoles.get(String.valueOf(body.get("role_id")));
    if (role == null) {
      return VaultReply.error(400, "invalid role or secret ID");
    }
    if (!role.secretId.equals(body.get("secret_id"))) {
      return VaultReply.error(400, "invalid role or secret ID");
    }
    return login(
        role.tokenTtl, role.tokenMaxTtl, role.policy, Map.of("role_name", "flow-connections"));
  }

  VaultReply kubernetesLogin(Map<String, Object> body) {
    KubernetesRole role = kubernetesRoles.get(String.valueOf(body.get("role")));
    if (role == null || !role.jwt.equals(body.get("jwt"))) {
      return VaultReply.error(403, "permission denied");
    }
    return login(
        role.tokenTtl,
        Duration.ZERO,
        role.policy,
        Map.of("role", String.valueOf(body.get("role"))));
  }

  private VaultReply login(
      Duration ttl, Duration maxTtl, Policy policy, Map<String, String> metadata) {
    Token token = tokens.get(create(ttl, maxTtl, true, policy));
    return VaultReply.auth(
        auth(token, List.of("default", "flow-connections"), metadata, ttl.toSeconds(), true));
  }

  Map<String, Object> lookup(Token token) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("accessor", token.accessor);
    data.put("creation_time", token.createdAt.getEpochSecond());
    data.put("creation_ttl", token.ttl.toSeconds());
    data.put("display_name", "token");
    data.put("entity_id", "");
    data.put("expire_time", token.expiresAt.toString());
    data.put("explicit_max_ttl", token.maxTtl.toSeconds());
    data.put("id", token.id);
    data.put("meta", null);
    data.put("num_uses", 0);
    data.put("orphan", false);
    data.put("path", "auth/token/create");
    data.put("policies", List.of("default"));
    data.put("renewable", token.renewable);
    data.put("ttl", Math.max(0, Duration.between(Instant.now(), token.expiresAt).toSeconds()));
    data.put("type", "service");
    return data;
  }

  VaultReply renew(Token token) {
    if (!token.renewable) {
      return VaultReply.error(400, "lease is not renewable");
    }
    Instant now = Instant.now();
    Instant expiresAt = now.plus(token.ttl);
    if (!token.maxTtl.isZero() && expiresAt.isAfter(token.createdAt.plus(token.maxTtl))) {
      expiresAt = token.createdAt.plus(token.maxTtl); // Vault caps a renewal at the max TTL
    }
    token.expiresAt = expiresAt;
    long leaseSeconds = Math.max(0, Duration.between(now, expiresAt).toSeconds());
    return VaultReply.auth(auth(token, List.of("default"), null, leaseSeconds, false));
  }

  /** The {@code auth} block of a login or renewal answer. */
  private static Map<String, Object> auth(
      Token token,
      List<String> policies,
      Map<String, String> metadata,
      long leaseSeconds,
      boolean orphan) {
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("client_token", token.id);
    auth.put("accessor", token.accessor);
    auth.put("policies", policies);
    auth.put("token_policies", policies);
    auth.put("metadata", metadata);
    auth.put("lease_duration", leaseSeconds);
    auth.put("renewable", true);
    auth.put("entity_id", "");
    auth.put("token_type", "service");
    auth.put("orphan", orphan);
    return auth;
  }

  static final class Token {
    final String id;
    final String accessor;
    final Policy policy;
    final Duration ttl;
    final Duration maxTtl;
    final boolean renewable;
    final Instant createdAt;
    volatile Instant expiresAt;

    Token(
        String id,
        String accessor,
        Policy policy,
        Duration ttl,
        Duration maxTtl,
        boolean renewable,
        Instant createdAt,
        Instant expiresAt) {
      this.id = id;
      this.accessor = accessor;
      this.policy = policy;
      this.ttl = ttl;
      this.maxTtl = maxTtl;
      this.renewable = renewable;
      this.createdAt = createdAt;
      this.expiresAt = expiresAt;
    }
  }

  private record AppRole(String secretId, Duration tokenTtl, Duration tokenMaxTtl, Policy policy) {}

  private record KubernetesRole(String jwt, Duration tokenTtl, Policy policy) {}
}
