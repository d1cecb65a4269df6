package dev.flowconnections.runtime.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.credential.vault.InProcessVaultServer;
import dev.flowconnections.credential.vault.VaultCredentialStore;
import dev.flowconnections.credential.vault.VaultTestSupport;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.resolution.StoreConnectionResolver;
import dev.flowconnections.secretprovider.ConnectionsSecretProvider;
import dev.flowconnections.secretprovider.JobScope;
import dev.flowconnections.testsupport.RuntimeInstance;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.api.secret.SecretProvider;
import io.camunda.connector.runtime.secret.EnvironmentSecretProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.core.env.StandardEnvironment;

/**
 * How long a connector waits for a credential, through the SecretProvider interface every stock
 * connector uses: Camunda's environment-variable provider as the baseline, and ours warm (the
 * resolved connection is cached) and cold (cache dropped first: connection, environment,
 * integration and PostgreSQL credential rows read in one statement, then the PostgreSQL store opens
 * the row's envelope, or the Vault store makes a KV v2 read over HTTP), for both stores; org
 * secrets uncached and cached. The Vault is the in-process stand-in of the tests (loopback HTTP,
 * in-memory), not a real Vault server. Run with bin/benchmark.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResolutionBenchmark {

  /** Set by bin/benchmark; the baseline reads it from the process environment. */
  static final String ENV_SECRET = "FC_BENCH_API_TOKEN";

  private static final SecretContext CONTEXT = new SecretContext("<default>");

  /** Our provider answers only inside a guarded job, as the placeholder guard calls it. */
  private static final JobScope JOB = new JobScope("<default>", "benchmark", 1L, "CallApi", 1L, 1L);

  static String inJob(SecretProvider provider, String name) {
    try {
      return JOB.call(() -> provider.getSecret(name, CONTEXT));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @State(Scope.Benchmark)
  public static class EnvironmentVariables {
    SecretProvider provider;

    @Setup(Level.Trial)
    public void setUp() {
      if (System.getenv(ENV_SECRET) == null) {
        throw new IllegalStateException("run through bin/benchmark, which sets " + ENV_SECRET);
      }
      provider = new EnvironmentSecretProvider(new StandardEnvironment(), "", false);
    }
  }

  @State(Scope.Benchmark)
  public static class Postgres {
    RuntimeInstance instance;
    ConnectionsSecretProvider provider;
    // org secrets through the cache, as the runtime wires them (provider reads them uncached)
    ConnectionsSecretProvider cachedSecretsProvider;
    String tokenReference;

    @Setup(Level.Trial)
    public void setUp() {
      instance =
          RuntimeInstance.withKeys(RuntimeInstance.testKeys(), BenchmarkDatabase.migratedSchema());
      String key = BenchmarkDatabase.seed(instance.dataSource, instance.store, instance.orgSecrets);
      provider =
          new ConnectionsSecretProvider(
              instance.resolver,
              instance.orgSecrets,
              new RuntimeEnvironment(Environment.PRODUCTION, BenchmarkDatabase.ORG));
      cachedSecretsProvider =
          new ConnectionsSecretProvider(
              instance.resolver,
              instance.orgSecretValues,
              new RuntimeEnvironment(Environment.PRODUCTION, BenchmarkDatabase.ORG));
      tokenReference = "connections." + key + ".token";
      if (!BenchmarkDatabase.TOKEN.equals(inJob(provider, tokenReference))) {
        throw new IllegalStateException("fixture does not resolve");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      instance.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Vault {
    InProcessVaultServer server;
    VaultCredentialStore store;
    RuntimeInstance database;
    CachingConnectionResolver resolver;
    ConnectionsSecretProvider provider;
    String tokenReference;

    @Setup(Level.Trial)
    public void setUp() {
      server = InProcessVaultServer.start(VaultTestSupport.MOUNT);
      store =
          VaultCredentialStore.connect(
              VaultTestSupport.tokenProperties(server, server.rootToken()));
      database =
          RuntimeInstance.withKeys(RuntimeInstance.testKeys(), BenchmarkDatabase.migratedSchema());
      String key = BenchmarkDatabase.seed(database.dataSource, store, database.orgSecrets);
      ObjectMapper json = new ObjectMapper().findAndRegisterModules();
      resolver =
          new CachingConnectionResolver(
              new StoreConnectionResolver(
                  new ConnectionRepository(database.jdbc, json),
                  new IntegrationRepository(database.jdbc, json),
                  store,
                  database.orgSecrets),
              Duration.ofMinutes(10),
              1_000);
      provider =
          new ConnectionsSecretProvider(
              resolver,
              database.orgSecrets,
              new RuntimeEnvironment(Environment.PRODUCTION, BenchmarkDatabase.ORG));
      tokenReference = "connections." + key + ".token";
      if (!BenchmarkDatabase.TOKEN.equals(inJob(provider, tokenReference))) {
        throw new IllegalStateException("fixture does not resolve from Vault");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      store.close();
      server.close();
      database.close();
    }
  }

  @Benchmark
  public String environmentVariableBaseline(EnvironmentVariables env) {
    return env.provider.getSecret(ENV_SECRET, CONTEXT);
  }

  @Benchmark
  public String postgresWarm(Postgres pg) {
    return inJob(pg.provider, pg.tokenReference);
  }

  @Benchmark
  public String postgresCold(Postgres pg) {
    pg.instance.resolver.evictAll();
    return inJob(pg.provider, pg.tokenReference);
  }

  /**
   * An org secret ({{secrets.KEY}}) read from the repository and decrypted on every call: the
   * uncached path, which the runtime takes once per secret, caller and TTL or after a change.
   */
  @Benchmark
  public String postgresOrgSecret(Postgres pg) {
    return inJob(pg.provider, BenchmarkDatabase.ORG_SECRET_KEY);
  }

  /** The same through the org secret cache as the runtime wires it, value already cached. */
  @Benchmark
  public String postgresOrgSecretWarm(Postgres pg) {
    return inJob(pg.cachedSecretsProvider, BenchmarkDatabase.ORG_SECRET_KEY);
  }

  @Benchmark
  public String vaultWarm(Vault vault) {
    return inJob(vault.provider, vault.tokenReference);
  }

  @Benchmark
  public String vaultCold(Vault vault) {
    // the stand-in logs every request in a copy-on-write list; emptying it (O(1)) keeps appends
    // cheap
    vault.server.clearRequests();
    vault.resolver.evictAll();
    return inJob(vault.provider, vault.tokenReference);
  }
}
