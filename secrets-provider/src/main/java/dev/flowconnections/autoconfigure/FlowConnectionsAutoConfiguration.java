package dev.flowconnections.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.audit.AuditLogService;
import dev.flowconnections.audit.AuditRepository;
import dev.flowconnections.audit.BatchingAuditWriter;
import dev.flowconnections.catalogue.CatalogueSeeder;
import dev.flowconnections.catalogue.SystemCatalogue;
import dev.flowconnections.change.ChangeRecorder;
import dev.flowconnections.connection.ConnectionRemover;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.CredentialStoreMigration;
import dev.flowconnections.credential.CredentialStoreType;
import dev.flowconnections.credential.CredentialStores;
import dev.flowconnections.credential.PostgresCredentialStore;
import dev.flowconnections.credential.TimedCredentialStore;
import dev.flowconnections.credential.vault.VaultCredentialStore;
import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.crypto.MasterKeyLoader;
import dev.flowconnections.crypto.MasterKeyRing;
import dev.flowconnections.errors.StartupConfigurationException;
import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.openapi.ApiSpecRepository;
import dev.flowconnections.integration.revision.IntegrationRevisionService;
import dev.flowconnections.integration.revision.IntegrationRevisions;
import dev.flowconnections.invalidation.ChangeChannel;
import dev.flowconnections.invalidation.ChangeHandler;
import dev.flowconnections.invalidation.ChangeListener;
import dev.flowconnections.invalidation.ChangeNotifier;
import dev.flowconnections.invalidation.DataSourceListenerConnections;
import dev.flowconnections.metrics.ResolutionMetrics;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.resolution.CachingOrgSecretValues;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.resolution.StoreConnectionResolver;
import dev.flowconnections.rotation.KeyRotationService;
import dev.flowconnections.schema.DatabaseSchema;
import dev.flowconnections.secret.OrgSecretRepository;
import dev.flowconnections.secret.OrgSecretService;
import dev.flowconnections.secretprovider.CamundaClientProcessModels;
import dev.flowconnections.secretprovider.ConnectionsSecretProvider;
import dev.flowconnections.secretprovider.EnvironmentSecretsCheck;
import dev.flowconnections.secretprovider.PlaceholderGuard;
import dev.flowconnections.secretprovider.PlaceholderGuardPostProcessor;
import dev.flowconnections.secretprovider.ProcessModels;
import dev.flowconnections.secretprovider.WrittenPlaceholders;
import io.camunda.client.CamundaClient;
import io.camunda.connector.api.validation.ValidationProvider;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the model, the credential stores (encrypted PostgreSQL, Vault KV v2 when configured),
 * resolution and the SecretProvider. The store beans back off when the application defines its own
 * {@link CredentialStore}.
 */
@AutoConfiguration(
    after = {
      DataSourceAutoConfiguration.class,
      JdbcClientAutoConfiguration.class,
      FlywayAutoConfiguration.class,
      JacksonAutoConfiguration.class,
      TransactionAutoConfiguration.class
    },
    // the placeholder guard needs the connector runtime's beans (see PlaceholderGuardConfiguration)
    afterName = "io.camunda.connector.runtime.OutboundConnectorsAutoConfiguration")
@EnableConfigurationProperties(FlowConnectionsProperties.class)
public class FlowConnectionsAutoConfiguration {

  static final String DATABASE_SCHEMA = "flowConnectionsDatabaseSchema";

  @Bean
  @ConditionalOnMissingBean
  Clock flowConnectionsClock() {
    // PostgreSQL keeps microseconds; a coarser clock makes returned and re-read timestamps equal
    return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
  }

  @Bean
  RuntimeEnvironment runtimeEnvironment(FlowConnectionsProperties properties) {
    if (properties.getEnvironment() == null) {
      throw new StartupConfigurationException(
          "flow-connections.environment is not set",
          "Set FLOW_CONNECTIONS_ENVIRONMENT to DEVELOPMENT, QA, STAGING or PRODUCTION, the environment "
              + "this runtime serves. There is no default, so that a production runtime can never pick "
              + "up development credentials by accident.");
    }
    return new RuntimeEnvironment(
        properties.getEnvironment(),
        properties.getOrganizationId(),
        properties.getTenantOrganizations());
  }

  @Bean
  @ConditionalOnMissingBean
  MasterKeyRing masterKeyRing(FlowConnectionsProperties properties) {
    return MasterKeyLoader.load(properties.getEncryption());
  }

  @Bean
  @ConditionalOnMissingBean
  EnvelopeCipher envelopeCipher(MasterKeyRing keyRing) {
    return new EnvelopeCipher(keyRing);
  }

  /** Everything that reads or writes the store's tables depends on this check having passed. */
  @Bean(DATABASE_SCHEMA)
  DatabaseSchema flowConnectionsDatabaseSchema(
      FlowConnectionsProperties properties, JdbcClient jdbc) {
    return new DatabaseSchema(properties.getSchema().getMode(), jdbc);
  }

  @Bean
  @DependsOn(DATABASE_SCHEMA)
  IntegrationRepository integrationRepository(JdbcClient jdbc, ObjectMapper json) {
    return new IntegrationRepository(jdbc, json);
  }

  @Bean
  @DependsOn(DATABASE_SCHEMA)
  ApiSpecRepository apiSpecRepository(JdbcClient jdbc, ObjectMapper json) {
    return new ApiSpecRepository(jdbc, json);
  }

  @Bean
  @DependsOn(DATABASE_SCHEMA)
  ConnectionRepository connectionRepository(JdbcClient jdbc, ObjectMapper json) {
    return new ConnectionRepository(jdbc, json);
  }

  @Bean
  @DependsOn(DATABASE_SCHEMA)
  OrgSecretRepository orgSecretRepository(JdbcClient jdbc, EnvelopeCipher cipher) {
    return new OrgSecretRepository(jdbc, cipher);
  }

  /** PostgreSQL always, Vault when configured; migrations copy between them. */
  @Bean
  @ConditionalOnMissingBean
  @DependsOn(DATABASE_SCHEMA)
  CredentialStores credentialStores(
      JdbcClient jdbc,
      EnvelopeCipher cipher,
      ObjectMapper json,
      Clock clock,
      FlowConnectionsProperties properties) {
    FlowConnectionsProperties.Store store = properties.getStore();
    Map<CredentialStoreType, CredentialStore> stores = new EnumMap<>(CredentialStoreType.class);
    stores.put(
        CredentialStoreType.POSTGRES, new PostgresCredentialStore(jdbc, cipher, json, clock));
    if (store.vaultConfigured()) {
      stores.put(CredentialStoreType.VAULT, VaultCredentialStore.connect(store.getVault()));
    }
    return new CredentialStores(stores, store.getType(), store.getOrganizations());
  }

  @Bean
  @DependsOn(DATABASE_SCHEMA)
  AuditRepository auditRepository(JdbcTemplate jdbcTemplate) {
    return new AuditRepository(jdbcTemplate);
  }

  /**
   * Every change to a resolution input goes through it: its audit row and the caches' invalidation.
   */
  @Bean
  ChangeRecorder changeRecorder(AuditRepository audit, ApplicationEventPublisher events) {
    return new ChangeRecorder(audit, events);
  }

  /** Connection reads of job workers: queued and written in batches off the job's thread. */
  @Bean(destroyMethod = "close")
  BatchingAuditWriter connectionReadAuditWriter(
      AuditRepository repository, FlowConnectionsProperties properties) {
    return new BatchingAuditWriter(
        repository, properties.getAudit().getQueueCapacity(), properties.getAudit().getBatchSize());
  }

  @Bean
  AuditLogService auditLogService(AuditRepository repository) {
    return new AuditLogService(repository);
  }

  /** The store the services use: the configured one, or one per organization. */
  @Bean
  @ConditionalOnMissingBean(CredentialStore.class)
  CredentialStore credentialStore(CredentialStores stores, ObjectProvider<MeterRegistry> meters) {
    return new TimedCredentialStore(
        stores.selected(), meters.getIfAvailable(CompositeMeterRegistry::new));
  }

  /** Queue depth and losses of the connection-read audit writer (docs/deploy.md, Metrics). */
  @Bean
  MeterBinder flowConnectionsAuditMetrics(BatchingAuditWriter connectionReads) {
    return registry -> {
      Gauge.builder("flow.connections.audit.queue", connectionReads, BatchingAuditWriter::queued)
          .description("Connection-read audit events waiting to be written")
          .register(registry);
      FunctionCounter.builder(
              "flow.connections.audit.lost", connectionReads, BatchingAuditWriter::lost)
          .description(
              "Connection-read audit events lost: queue full or the database refused the batch")
          .register(registry);
    };
  }

  @Bean
  CredentialStoreMigration credentialStoreMigration(
      ConnectionRepository connections, CredentialStores stores) {
    return new CredentialStoreMigration(connections, stores);
  }

  @Bean
  ConnectionRemover connectionRemover(
      ConnectionRepository connections, CredentialStore credentials) {
    return new ConnectionRemover(connections, credentials);
  }

  /**
   * The MCP STDIO command lines the operator allows; integration saves and the runtime both check
   * them.
   */
  @Bean
  @ConditionalOnMissingBean
  StdioCommands stdioCommands(FlowConnectionsProperties properties) {
    return new StdioCommands(properties.getMcp().getStdio().getAllowedCommands());
  }

  @Bean
  IntegrationService integrationService(
      IntegrationRepository integrations,
      ConnectionRepository connections,
      ConnectionRemover remover,
      TransactionTemplate tx,
      ChangeRecorder changes,
      Clock clock,
      StdioCommands stdioCommands,
      IntegrationRevisions revisions) {
    return new IntegrationService(
        integrations, connections, remover, tx, changes, clock, stdioCommands, revisions);
  }

  /** Every save path of an integration records its revision through this one bean. */
  @Bean
  @DependsOn(DATABASE_SCHEMA)
  IntegrationRevisions integrationRevisions(JdbcClient jdbc) {
    return new IntegrationRevisions(jdbc);
  }

  @Bean
  IntegrationRevisionService integrationRevisionService(
      IntegrationService integrationService,
      IntegrationRepository integrations,
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock) {
    return new IntegrationRevisionService(integrationService, integrations, jdbc, tx, clock);
  }

  /** The System integrations every organization starts with (docs/catalogue.md). */
  @Bean
  @ConditionalOnProperty(
      name = "flow-connections.catalogue.enabled",
      havingValue = "true",
      matchIfMissing = true)
  CatalogueSeeder catalogueSeeder(
      ObjectMapper json,
      JdbcClient jdbc,
      IntegrationRepository integrations,
      IntegrationService service,
      TransactionTemplate tx,
      Clock clock) {
    return new CatalogueSeeder(SystemCatalogue.load(json), jdbc, integrations, service, tx, clock);
  }

  @Bean
  ConnectionService connectionService(
      ConnectionRepository connections,
      IntegrationRepository integrations,
      CredentialStore credentials,
      ConnectionRemover remover,
      TransactionTemplate tx,
      ChangeRecorder changes,
      Clock clock) {
    return new ConnectionService(
        connections, integrations, credentials, remover, tx, changes, clock);
  }

  @Bean
  OrgSecretService orgSecretService(
      OrgSecretRepository repository, TransactionTemplate tx, ChangeRecorder changes, Clock clock) {
    return new OrgSecretService(repository, tx, changes, clock);
  }

  @Bean(destroyMethod = "close")
  @DependsOn(DATABASE_SCHEMA)
  KeyRotationService keyRotationService(
      JdbcClient jdbc,
      TransactionTemplate tx,
      EnvelopeCipher cipher,
      MasterKeyRing keys,
      Clock clock,
      FlowConnectionsProperties properties) {
    return new KeyRotationService(
        jdbc,
        tx,
        cipher,
        keys,
        clock,
        properties.getEncryption().getRotationBatchSize(),
        properties.getEncryption().getRotationBatchPause());
  }

  /** Org secret values for {@code {{secrets.KEY}}} and {@code @@SECRET:KEY@@}, cached. */
  @Bean
  CachingOrgSecretValues orgSecretValues(
      OrgSecretRepository orgSecrets,
      FlowConnectionsProperties properties,
      ObjectProvider<MeterRegistry> meters) {
    return new CachingOrgSecretValues(
        orgSecrets,
        properties.getResolution().getOrgSecretCacheTtl(),
        properties.getResolution().getOrgSecretCacheSize(),
        new ResolutionMetrics(meters.getIfAvailable(CompositeMeterRegistry::new)));
  }

  @Bean
  CachingConnectionResolver connectionResolver(
      ConnectionRepository connections,
      IntegrationRepository integrations,
      CredentialStore credentials,
      CachingOrgSecretValues orgSecrets,
      FlowConnectionsProperties properties,
      ObjectProvider<MeterRegistry> meters) {
    return new CachingConnectionResolver(
        new StoreConnectionResolver(connections, integrations, credentials, orgSecrets),
        properties.getResolution().getCacheTtl(),
        properties.getResolution().getCacheSize(),
        new ResolutionMetrics(meters.getIfAvailable(CompositeMeterRegistry::new)));
  }

  /**
   * Tells every instance sharing the database about committed changes (NOTIFY in the changing
   * transaction) and listens for them on one dedicated connection that evicts this instance's
   * cache.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(
      name = "flow-connections.resolution.invalidation.enabled",
      havingValue = "true",
      matchIfMissing = true)
  static class InvalidationConfiguration {

    @Bean
    ChangeChannel changeChannel(FlowConnectionsProperties properties) {
      return new ChangeChannel(properties.getResolution().getInvalidation().getChannel());
    }

    @Bean
    ChangeNotifier changeNotifier(JdbcClient jdbc, ChangeChannel channel) {
      return new ChangeNotifier(jdbc, channel);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ChangeListener changeListener(
        DataSource dataSource,
        ChangeChannel channel,
        CachingOrgSecretValues orgSecrets,
        CachingConnectionResolver resolver) {
      return new ChangeListener(
          new DataSourceListenerConnections(dataSource), channel, evicting(orgSecrets, resolver));
    }

    /**
     * Org secrets first: a connection resolved between the two evictions then cannot stay cached
     * with a secret value from before the change.
     */
    static ChangeHandler evicting(
        CachingOrgSecretValues orgSecrets, CachingConnectionResolver resolver) {
      return new ChangeHandler() {
        @Override
        public void organizationChanged(String organizationId) {
          orgSecrets.evictOrganization(organizationId);
          resolver.evictOrganization(organizationId);
        }

        @Override
        public void changesMayHaveBeenMissed() {
          orgSecrets.evictAll();
          resolver.evictAll();
        }
      };
    }
  }

  /** Only where the connector SDK is on the classpath, i.e. inside a connector runtime. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.camunda.connector.api.secret.SecretProvider")
  static class SecretProviderConfiguration {

    /**
     * First in the runtime's provider chain: in a runtime with Camunda's environment-variable
     * provider on, an org secret wins over an environment variable of the same name.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ConnectionsSecretProvider connectionsSecretProvider(
        CachingConnectionResolver resolver,
        CachingOrgSecretValues orgSecrets,
        RuntimeEnvironment runtime,
        BatchingAuditWriter connectionReads) {
      return new ConnectionsSecretProvider(resolver, orgSecrets, runtime, connectionReads);
    }
  }

  /**
   * Inside a Spring connector runtime: the placeholder guard around every outbound function and the
   * runtime's secret provider aggregator ({@link PlaceholderGuard}). Without the runtime's
   * aggregator there is no guard, and then the SecretProvider answers nothing (it answers only
   * inside a guarded job).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.camunda.connector.runtime.OutboundConnectorsAutoConfiguration")
  @ConditionalOnBean(SecretProviderAggregator.class)
  static class PlaceholderGuardConfiguration {

    @Bean
    static PlaceholderGuardPostProcessor placeholderGuardPostProcessor() {
      return new PlaceholderGuardPostProcessor();
    }

    /**
     * Real clusters: the REST API at camunda.client.rest-address. Tests and the demo bring their
     * own.
     */
    @Bean
    @ConditionalOnMissingBean(ProcessModels.class)
    ProcessModels processModels(CamundaClient client) {
      return new CamundaClientProcessModels(client);
    }

    @Bean
    WrittenPlaceholders writtenPlaceholders(ProcessModels models) {
      return new WrittenPlaceholders(models);
    }

    @Bean
    PlaceholderGuard placeholderGuard(
        WrittenPlaceholders written,
        SecretProviderAggregator secrets,
        @Qualifier("outboundConnectorObjectMapper") ObjectMapper json,
        ValidationProvider validation,
        Environment environment) {
      EnvironmentSecretsCheck.check(secrets, environment);
      return new PlaceholderGuard(written, secrets, json, validation);
    }
  }
}
