package dev.flowconnections.autoconfigure;

import dev.flowconnections.credential.CredentialStoreType;
import dev.flowconnections.credential.vault.VaultStoreProperties;
import dev.flowconnections.crypto.EncryptionProperties;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.schema.SchemaMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** {@code flow-connections.*} */
@ConfigurationProperties("flow-connections")
public class FlowConnectionsProperties {

  /** The environment this runtime serves; required, there is deliberately no default. */
  private Environment environment;

  /** Organization of jobs from the default tenant and of single-organization deployments. */
  private String organizationId = "default";

  /**
   * Camunda tenant id to organization id, for tenants whose organization has another name; a tenant
   * without an entry belongs to the organization of the same name.
   */
  private Map<String, String> tenantOrganizations = new LinkedHashMap<>();

  @NestedConfigurationProperty private EncryptionProperties encryption = new EncryptionProperties();

  private final Resolution resolution = new Resolution();

  private final Audit audit = new Audit();

  private final Store store = new Store();

  private final Mcp mcp = new Mcp();

  private final Schema schema = new Schema();

  private final Catalogue catalogue = new Catalogue();

  public Catalogue getCatalogue() {
    return catalogue;
  }

  /**
   * {@code flow-connections.catalogue.*}: the System integrations every organization starts with.
   */
  public static class Catalogue {
    /**
     * Whether the Flow Connections runtime writes the system catalogue into each organization (at
     * start-up and when an organization is first used); off, organizations start empty.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  public Schema getSchema() {
    return schema;
  }

  /**
   * {@code flow-connections.schema.*}: whether this process migrates the database or only reads it.
   */
  public static class Schema {
    /**
     * {@code validate} (the default: another connector runtime with our SecretProvider) never
     * changes the schema and refuses to start unless it is at this jar's version; the Flow
     * Connections runtime sets {@code migrate} (Flyway at start).
     */
    private SchemaMode mode = SchemaMode.VALIDATE;

    public SchemaMode getMode() {
      return mode;
    }

    public void setMode(SchemaMode mode) {
      this.mode = mode;
    }
  }

  public Mcp getMcp() {
    return mcp;
  }

  /** {@code flow-connections.mcp.*} */
  public static class Mcp {
    private final Stdio stdio = new Stdio();

    public Stdio getStdio() {
      return stdio;
    }
  }

  /**
   * {@code flow-connections.mcp.stdio.*}: what MCP STDIO servers may run on this runtime's host.
   */
  public static class Stdio {
    /**
     * Whole command lines (program and arguments) an MCP integration's {@code command} must equal;
     * empty refuses STDIO. Never list an interpreter with free arguments ({@code sh -c}, {@code
     * node -e}).
     */
    private java.util.List<String> allowedCommands = new java.util.ArrayList<>();

    public java.util.List<String> getAllowedCommands() {
      return allowedCommands;
    }

    public void setAllowedCommands(java.util.List<String> allowedCommands) {
      this.allowedCommands = allowedCommands;
    }
  }

  public Environment getEnvironment() {
    return environment;
  }

  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public void setOrganizationId(String organizationId) {
    this.organizationId = organizationId;
  }

  public Map<String, String> getTenantOrganizations() {
    return tenantOrganizations;
  }

  public void setTenantOrganizations(Map<String, String> tenantOrganizations) {
    this.tenantOrganizations = tenantOrganizations;
  }

  public EncryptionProperties getEncryption() {
    return encryption;
  }

  public void setEncryption(EncryptionProperties encryption) {
    this.encryption = encryption;
  }

  public Resolution getResolution() {
    return resolution;
  }

  public Audit getAudit() {
    return audit;
  }

  /** {@code flow-connections.audit.*}: how job workers' connection reads reach the audit log. */
  public static class Audit {
    /**
     * Read events waiting to be written; when full (database unreachable for long) new ones are
     * dropped.
     */
    private int queueCapacity = 10_000;

    /** Read events written per database round trip. */
    private int batchSize = 200;

    public int getQueueCapacity() {
      return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }
  }

  public Store getStore() {
    return store;
  }

  /** {@code flow-connections.store.*}: where the secret fields of connections are kept. */
  public static class Store {
    /** The store of every organization without an entry in {@link #organizations}. */
    private CredentialStoreType type = CredentialStoreType.POSTGRES;

    /** Per-organization override, e.g. {@code flow-connections.store.organizations.acme=vault}. */
    private Map<String, CredentialStoreType> organizations = new LinkedHashMap<>();

    @NestedConfigurationProperty private VaultStoreProperties vault = new VaultStoreProperties();

    public CredentialStoreType getType() {
      return type;
    }

    public void setType(CredentialStoreType type) {
      this.type = type;
    }

    public Map<String, CredentialStoreType> getOrganizations() {
      return organizations;
    }

    public void setOrganizations(Map<String, CredentialStoreType> organizations) {
      this.organizations = organizations;
    }

    public VaultStoreProperties getVault() {
      return vault;
    }

    public void setVault(VaultStoreProperties vault) {
      this.vault = vault;
    }

    /** Vault is configured when its address is, whether or not an organization uses it yet. */
    public boolean vaultConfigured() {
      return vault.getUri() != null;
    }
  }

  /** {@code flow-connections.resolution.*}: the resolved-connection and org secret caches. */
  public static class Resolution {
    /** How long a resolved connection may be reused; local changes evict it at once. */
    private Duration cacheTtl = Duration.ofSeconds(30);

    /** Most resolved connections kept (per connection, environment and calling process). */
    private long cacheSize = 10_000;

    /** How long an org secret value may be reused; changes evict it like connections. */
    private Duration orgSecretCacheTtl = Duration.ofSeconds(30);

    /** Most org secret values kept (per secret and calling process). */
    private long orgSecretCacheSize = 10_000;

    private final Invalidation invalidation = new Invalidation();

    public Invalidation getInvalidation() {
      return invalidation;
    }

    public Duration getCacheTtl() {
      return cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
    }

    public long getCacheSize() {
      return cacheSize;
    }

    public void setCacheSize(long cacheSize) {
      this.cacheSize = cacheSize;
    }

    public Duration getOrgSecretCacheTtl() {
      return orgSecretCacheTtl;
    }

    public void setOrgSecretCacheTtl(Duration orgSecretCacheTtl) {
      this.orgSecretCacheTtl = orgSecretCacheTtl;
    }

    public long getOrgSecretCacheSize() {
      return orgSecretCacheSize;
    }

    public void setOrgSecretCacheSize(long orgSecretCacheSize) {
      this.orgSecretCacheSize = orgSecretCacheSize;
    }
  }

  /**
   * {@code flow-connections.resolution.invalidation.*}: hearing of changes made by other instances.
   */
  public static class Invalidation {
    /** LISTEN/NOTIFY between runtime instances sharing the database. */
    private boolean enabled = true;

    /** Notification channel; instances that should hear each other use the same one. */
    private String channel = dev.flowconnections.invalidation.ChangeChannel.DEFAULT;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getChannel() {
      return channel;
    }

    public void setChannel(String channel) {
      this.channel = channel;
    }
  }
}
