package dev.flowconnections.credential.vault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small, in-process stand-in for HashiCorp Vault that answers the documented HTTP API of what the
 * Vault store uses, so tests run without a Vault binary: KV v2 ({@code data} read/write with {@code
 * options.cas} and {@code ?version=}, {@code metadata} read/delete, {@code delete}, {@code
 * undelete}, {@code destroy}), token {@code lookup-self}/{@code renew-self}/{@code revoke-self},
 * AppRole and Kubernetes login. Requests without a live token, or outside the token's policy, get
 * 403 "permission denied"; a sealed server answers 503 "Vault is sealed"; a request naming an index
 * the server has not reached ({@code X-Vault-Index} while {@link #lagBehind lagging}) gets 412, as
 * a performance standby does.
 *
 * <p>Status codes and JSON shapes follow developer.hashicorp.com/vault/api-docs (secret/kv/kv-v2,
 * auth/token, auth/approle, auth/kubernetes). It binds 127.0.0.1 on a random port. Token TTLs are
 * real time, so tests can let a token expire.
 */
public final class InProcessVaultServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer http;
  private final Map<String, Map<String, Secret>> mounts = new ConcurrentHashMap<>();
  private final VaultTokens tokens = new VaultTokens();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicBoolean sealed = new AtomicBoolean();
  private final AtomicBoolean lagging = new AtomicBoolean();
  private final AtomicReference<Runnable> beforeNextWrite = new AtomicReference<>();
  private final Object lock = new Object();

  private InProcessVaultServer(HttpServer http) {
    this.http = http;
  }

  /** Starts a server with one KV v2 mount ({@code mount}) on a random local port. */
  public static InProcessVaultServer start(String mount) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      InProcessVaultServer server = new InProcessVaultServer(http);
      server.mounts.put(mount, new ConcurrentHashMap<>());
      http.createContext("/v1/", server::handle);
      http.setExecutor(
          Executors.newFixedThreadPool(
              4,
              r -> {
                Thread t = new Thread(r, "in-process-vault");
                t.setDaemon(true);
                return t;
              }));
      http.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  // ---------------------------------------------------------------- setup and switches for tests

  /** What a token may do: path prefixes (below {@code /v1/}) mapped to capabilities. */
  public record Policy(Map<String, Set<String>> rules) {
    public static Policy allowAll() {
      return new Policy(Map.of("", Set.of("create", "read", "update", "delete", "list")));
    }

    public static Policy readOnly(String prefix) {
      return new Policy(Map.of(prefix, Set.of("read", "list")));
    }

    public static Policy none() {
      return new Policy(Map.of());
    }

    boolean allows(String path, String capability) {
      return rules.entrySet().stream()
          .anyMatch(rule -> path.startsWith(rule.getKey()) && rule.getValue().contains(capability));
    }
  }

  /** Creates a service token; {@code maxTtl} caps renewals (zero means uncapped). */
  public String createToken(Duration ttl, Duration maxTtl, boolean renewable, Policy policy) {
    return tokens.create(ttl, maxTtl, renewable, policy);
  }

  /** A non-expiring root-like token (what {@code vault server -dev} prints). */
  public String rootToken() {
    return createToken(Duration.ofDays(365), Duration.ZERO, false, Policy.allowAll());
  }

  public void addAppRole(
      String roleId, String secretId, Duration tokenTtl, Duration tokenMaxTtl, Policy policy) {
    tokens.addAppRole(roleId, secretId, tokenTtl, tokenMaxTtl, policy);
  }

  public void addKubernetesRole(
      String role, String serviceAccountJwt, Duration tokenTtl, Policy policy) {
    tokens.addKubernetesRole(role, serviceAccountJwt, tokenTtl, policy);
  }

  /** Revokes every token, as an operator would, or as if all of them had reached their TTL. */
  public void revokeAllTokens() {
    tokens.revokeAll();
  }

  public void revoke(String token) {
    tokens.revoke(token);
  }

  public int liveTokens() {
    return tokens.liveCount();
  }

  public void seal() {
    sealed.set(true);
  }

  public void unseal() {
    sealed.set(false);
  }

  /** While lagging, requests carrying {@code X-Vault-Index} get 412 like a behind standby's. */
  public void lagBehind(boolean lag) {
    lagging.set(lag);
  }

  /** Runs {@code action} just before the next KV write is checked, e.g. a concurrent edit. */
  public void beforeNextWrite(Runnable action) {
    beforeNextWrite.set(action);
  }

  /** "METHOD /v1/path" of every request received, for asserting what went over the wire. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  // ---------------------------------------------------------------- direct access for assertions

  /** The data of the current version if it is neither deleted nor destroyed. */
  public Map<String, Object> current(String mount, String path) {
    synchronized (lock) {
      Secret secret = mount(mount).get(path);
      if (secret == null) {
        return null;
      }
      Version version = secret.versions.get(secret.currentVersion);
      return version == null || version.deletedAt != null || version.destroyed
          ? null
          : version.data;
    }
  }

  /** The current version number, 0 if the path never held a secret. */
  public int currentVersion(String mount, String path) {
    synchronized (lock) {
      Secret secret = mount(mount).get(path);
      return secret == null ? 0 : secret.currentVersion;
    }
  }

  public boolean isDeleted(String mount, String path, int version) {
    synchronized (lock) {
      Version v = mount(mount).get(path).versions.get(version);
      return v.deletedAt != null;
    }
  }

  /** Writes as another Vault client would (an operator, another deployment), bypassing policies. */
  public int writeDirectly(String mount, String path, Map<String, Object> data) {
    synchronized (lock) {
      return mount(mount).computeIfAbsent(path, p -> new Secret()).add(data).number;
    }
  }

  /** Every path of the mount that has metadata (also soft-deleted ones). */
  public Set<String> paths(String mount) {
    return Set.copyOf(mount(mount).keySet());
  }

  private Map<String, Secret> mount(String mount) {
    Map<String, Secret> secrets = mounts.get(mount);
    if (secrets == null) {
      throw new IllegalArgumentException("no mount " + mount);
    }
    return secrets;
  }

  @Override
  public void close() {
    http.stop(0);
    ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
  }

  // ---------------------------------------------------------------- HTTP

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath().substring("/v1/".length());
      String query = exchange.getRequestURI().getQuery();
      requests.add(method + " /v1/" + path);
      VaultReply reply;
      try {
        reply = dispatch(exchange, method, path, query);
      } catch (RuntimeException e) {
        reply = VaultReply.error(500, "internal error: " + e.getClass().getSimpleName());
      }
      byte[] body = reply.body() == null ? new byte[0] : JSON.writeValueAsBytes(reply.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), reply.status() == 204 ? -1 : body.length);
      if (reply.status() != 204) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  private VaultReply dispatch(HttpExchange exchange, String method, String path, String query)
      throws IOException {
    if (sealed.get()) {
      return VaultReply.error(503, "Vault is sealed");
    }
    if (lagging.get() && exchange.getRequestHeaders().containsKey("X-Vault-Index")) {
      return VaultReply.error(412, "required index state not present");
    }
    Map<String, Object> body = readBody(exchange);
    if (method.equals("POST") && path.equals("auth/approle/login")) {
      return tokens.appRoleLogin(body);
    }
    if (method.equals("POST") && path.equals("auth/kubernetes/login")) {
      return tokens.kubernetesLogin(body);
    }
    VaultTokens.Token token = tokens.live(exchange.getRequestHeaders().getFirst("X-Vault-Token"));
    if (token == null) {
      return VaultReply.error(403, "permission denied");
    }
    switch (path) {
      case "auth/token/lookup-self":
        return VaultReply.data(tokens.lookup(token));
      case "auth/token/renew-self":
        return tokens.renew(token);
      case "auth/token/revoke-self":
        tokens.revoke(token.id);
        return VaultReply.noContent();
      default:
        break;
    }
    for (String mount : mounts.keySet()) {
      if (path.startsWith(mount + "/")) {
        return kv(
            token,
            mounts.get(mount),
            method,
            path,
            path.substring(mount.length() + 1),
            query,
            body);
      }
    }
    return VaultReply.error(404, "no handler for route \"" + path + "\". route entry not found.");
  }

  private VaultReply kv(
      VaultTokens.Token token,
      Map<String, Secret> secrets,
      String method,
      String fullPath,
      String rest,
      String query,
      Map<String, Object> body) {
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return VaultReply.error(404, "unsupported path");
    }
    String operation = rest.substring(0, slash);
    String key = rest.substring(slash + 1);
    String capability =
        switch (method) {
          case "GET", "LIST" -> "read";
          case "DELETE" -> "delete";
          default -> "update";
        };
    if (!token.policy.allows(fullPath, capability)
        && !(capability.equals("update") && token.policy.allows(fullPath, "create"))) {
      return VaultReply.error(403, "1 error occurred:\n\t* permission denied\n\n");
    }
    synchronized (lock) {
      return switch (operation + " " + method) {
        case "data GET" -> readData(secrets.get(key), query);
        case "data POST", "data PUT" -> writeData(secrets, key, body);
        case "data DELETE" -> deleteLatest(secrets.get(key));
        case "delete POST", "delete PUT" ->
            changeVersions(secrets.get(key), body, v -> v.deletedAt = Instant.now());
        case "undelete POST", "undelete PUT" ->
            changeVersions(secrets.get(key), body, v -> v.deletedAt = null);
        case "destroy POST", "destroy PUT" ->
            changeVersions(secrets.get(key), body, Version::destroy);
        case "metadata GET" -> metadata(secrets.get(key));
        case "metadata DELETE" -> {
          secrets.remove(key);
          yield VaultReply.noContent();
        }
        default -> VaultReply.error(405, "unsupported operation");
      };
    }
  }

  private VaultReply readData(Secret secret, String query) {
    if (secret == null) {
      return VaultReply.error(404, null);
    }
    int wanted = secret.currentVersion;
    if (query != null && query.startsWith("version=")) {
      int asked = Integer.parseInt(query.substring("version=".length()));
      wanted = asked == 0 ? secret.currentVersion : asked;
    }
    Version version = secret.versions.get(wanted);
    if (version == null) {
      return VaultReply.error(404, null);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    boolean gone = version.deletedAt != null || version.destroyed;
    data.put("data", gone ? null : version.data);
    data.put("metadata", version.metadata());
    // Vault answers a deleted or destroyed version with 404 and the metadata, but no data
    return gone ? new VaultReply(404, VaultReply.envelope(data, null)) : VaultReply.data(data);
  }

  @SuppressWarnings("unchecked")
  private VaultReply writeData(Map<String, Secret> secrets, String key, Map<String, Object> body) {
    Runnable concurrent = beforeNextWrite.getAndSet(null);
    if (concurrent != null) {
      concurrent.run();
    }
    if (!(body.get("data") instanceof Map<?, ?> data)) {
      return VaultReply.error(400, "no data provided");
    }
    Secret secret = secrets.get(key);
    Map<String, Object> options =
        body.get("options") instanceof Map<?, ?> o ? (Map<String, Object>) o : Map.of();
    Object cas = options.get("cas");
    if (cas == null && secret != null && secret.casRequired) {
      return VaultReply.error(400, "check-and-set parameter required for this call");
    }
    if (cas != null) {
      int current = secret == null ? 0 : secret.currentVersion;
      if (((Number) cas).intValue() != current) {
        return VaultReply.error(400, "check-and-set parameter did not match the current version");
      }
    }
    Version version =
        secrets.computeIfAbsent(key, k -> new Secret()).add((Map<String, Object>) data);
    return VaultReply.data(version.metadata());
  }

  private VaultReply deleteLatest(Secret secret) {
    if (secret != null) {
      Version latest = secret.versions.get(secret.currentVersion);
      if (latest != null && latest.deletedAt == null) {
        latest.deletedAt = Instant.now();
      }
    }
    return VaultReply.noContent();
  }

  private VaultReply changeVersions(
      Secret secret, Map<String, Object> body, java.util.function.Consumer<Version> change) {
    if (!(body.get("versions") instanceof List<?> versions) || versions.isEmpty()) {
      return VaultReply.error(400, "no version number provided");
    }
    if (secret != null) {
      versions.stream()
          .map(v -> secret.versions.get(((Number) v).intValue()))
          .filter(v -> v != null)
          .forEach(change);
    }
    return VaultReply.noContent();
  }

  private VaultReply metadata(Secret secret) {
    if (secret == null) {
      return VaultReply.error(404, null);
    }
    Map<String, Object> versions = new TreeMap<>();
    secret.versions.forEach(
        (n, v) ->
            versions.put(
                String.valueOf(n),
                Map.of(
                    "created_time",
                    v.createdAt.toString(),
                    "deletion_time",
                    v.deletedAt == null ? "" : v.deletedAt.toString(),
                    "destroyed",
                    v.destroyed)));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("cas_required", secret.casRequired);
    data.put("created_time", secret.createdAt.toString());
    data.put("current_version", secret.currentVersion);
    data.put("custom_metadata", null);
    data.put("delete_version_after", "0s");
    data.put("max_versions", 0);
    data.put("oldest_version", secret.versions.isEmpty() ? 0 : secret.versions.firstKey());
    data.put("updated_time", secret.updatedAt.toString());
    data.put("versions", versions);
    return VaultReply.data(data);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readBody(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    if (bytes.length == 0) {
      return Map.of();
    }
    Object parsed = JSON.readValue(new String(bytes, StandardCharsets.UTF_8), Object.class);
    return parsed instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  // ---------------------------------------------------------------- state

  private static final class Secret {
    final TreeMap<Integer, Version> versions = new TreeMap<>();
    final Instant createdAt = Instant.now();
    Instant updatedAt = createdAt;
    int currentVersion;
    boolean casRequired;

    Version add(Map<String, Object> data) {
      currentVersion++;
      updatedAt = Instant.now();
      Version version =
          new Version(
              currentVersion, Collections.unmodifiableMap(new LinkedHashMap<>(data)), updatedAt);
      versions.put(currentVersion, version);
      return version;
    }
  }

  private static final class Version {
    final int number;
    Map<String, Object> data;
    final Instant createdAt;
    Instant deletedAt;
    boolean destroyed;

    Version(int number, Map<String, Object> data, Instant createdAt) {
      this.number = number;
      this.data = data;
      this.createdAt = createdAt;
    }

    void destroy() {
      destroyed = true;
      data = null;
    }

    Map<String, Object> metadata() {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("created_time", createdAt.toString());
      metadata.put("custom_metadata", null);
      metadata.put("deletion_time", deletedAt == null ? "" : deletedAt.toString());
      metadata.put("destroyed", destroyed);
      metadata.put("version", number);
      return metadata;
    }
  }

  /** Requires {@code options.cas} on every write of {@code path} (Vault's {@code cas_required}). */
  public void requireCas(String mount, String path) {
    synchronized (lock) {
      mount(mount).computeIfAbsent(path, p -> new Secret()).casRequired = true;
    }
  }
}
