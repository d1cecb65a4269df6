package dev.flowconnections.autoconfigure;

import dev.flowconnections.crypto.EncryptionProperties;
import dev.flowconnections.environment.Environment;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** {@code flow-connections.*} */
@ConfigurationProperties("flow-connections")
public class FlowConnectionsProperties {

  /** The environment this runtime serves; required, there is deliberately no default. */
  private Environment environment;

  /** Organization of jobs from the default tenant and of single-organization deployments. */
  private String organizationId = "default";

  @NestedConfigurationProperty private EncryptionProperties encryption = new EncryptionProperties();

  private final Resolution resolution = new Resolution();

  private final Audit audit = new Audit();

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
    /** Read events waiting to be written; when full (database unreachable for long) new ones are dropped. */
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

  /** {@code flow-connections.resolution.*}: the resolved-connection cache. */
  public static class Resolution {
    /** How long a resolved connection may be reused; local changes evict it at once. */
    private Duration cacheTtl = Duration.ofSeconds(30);

    private long cacheSize = 10_000;

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
  }
}
