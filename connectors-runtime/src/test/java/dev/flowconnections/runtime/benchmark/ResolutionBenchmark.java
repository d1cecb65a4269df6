package dev.flowconnections.runtime.benchmark;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.secretprovider.ConnectionsSecretProvider;
import dev.flowconnections.testsupport.RuntimeInstance;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.api.secret.SecretProvider;
import io.camunda.connector.runtime.secret.EnvironmentSecretProvider;
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
 * resolved connection is cached) and cold (cache dropped first: connection, integration and
 * credential rows read from PostgreSQL, envelope opened). Run with bin/benchmark.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResolutionBenchmark {

  /** Set by bin/benchmark; the baseline reads it from the process environment. */
  static final String ENV_SECRET = "FC_BENCH_API_TOKEN";

  private static final SecretContext CONTEXT = new SecretContext("<default>");

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
    String tokenReference;

    @Setup(Level.Trial)
    public void setUp() {
      instance = RuntimeInstance.withKeys(RuntimeInstance.testKeys(), BenchmarkDatabase.migratedSchema());
      String key = BenchmarkDatabase.seed(instance.dataSource, instance.store, instance.orgSecrets);
      provider =
          new ConnectionsSecretProvider(
              instance.resolver, instance.orgSecrets, new RuntimeEnvironment(Environment.PRODUCTION, BenchmarkDatabase.ORG));
      tokenReference = "connections." + key + ".token";
      if (!BenchmarkDatabase.TOKEN.equals(provider.getSecret(tokenReference, CONTEXT))) {
        throw new IllegalStateException("fixture does not resolve");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      instance.close();
    }
  }

  @Benchmark
  public String environmentVariableBaseline(EnvironmentVariables env) {
    return env.provider.getSecret(ENV_SECRET, CONTEXT);
  }

  @Benchmark
  public String postgresWarm(Postgres pg) {
    return pg.provider.getSecret(pg.tokenReference, CONTEXT);
  }

  @Benchmark
  public String postgresCold(Postgres pg) {
    pg.instance.resolver.evictAll();
    return pg.provider.getSecret(pg.tokenReference, CONTEXT);
  }

  /** Org secrets ({{secrets.KEY}}) are read and decrypted on every call; there is no cache for them. */
  @Benchmark
  public String postgresOrgSecret(Postgres pg) {
    return pg.provider.getSecret(BenchmarkDatabase.ORG_SECRET_KEY, CONTEXT);
  }
}
