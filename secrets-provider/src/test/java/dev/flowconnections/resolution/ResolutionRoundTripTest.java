package dev.flowconnections.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.CredentialStoreType;
import dev.flowconnections.credential.CredentialStores;
import dev.flowconnections.credential.PostgresCredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.credential.TimedCredentialStore;
import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.scope.ProcessScopeException;
import dev.flowconnections.scope.RuntimeCaller;
import dev.flowconnections.secret.OrgSecretRepository;
import dev.flowconnections.testsupport.DatabaseTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A cold resolution against PostgreSQL is one statement (connection, environment row, integration,
 * credential row), counted on the connections the resolver gets from its pool.
 */
class ResolutionRoundTripTest extends DatabaseTest {

  @Autowired DataSource dataSource;
  @Autowired EnvelopeCipher cipher;
  @Autowired ObjectMapper json;

  private final AtomicInteger statements = new AtomicInteger();
  private JdbcClient jdbc;
  private PostgresCredentialStore postgres;

  @BeforeEach
  void countingPool() {
    jdbc = JdbcClient.create(counting(dataSource));
    postgres = new PostgresCredentialStore(jdbc, cipher, json, Clock.systemUTC());
  }

  @Test
  void aColdResolutionIsOneStatement() {
    ConnectionView c = connection(admin, bearerIntegration(), Visibility.ORGANIZATION);
    putCredentials(admin, c, Environment.PRODUCTION, Map.of("token", "t-1"));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ConnectionResolver resolver = resolver(new TimedCredentialStore(postgres, meters));

    statements.set(0);
    ResolvedConnection resolved =
        resolver.resolve(
            ORG, c.connection().key(), Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS);

    assertThat(resolved.requireText("token")).isEqualTo("t-1");
    assertThat(statements.get()).isEqualTo(1);
    // the decorator still times the opening of the joined row
    assertThat(meters.get(TimedCredentialStore.READS).tag("outcome", "ok").timer().count())
        .isEqualTo(1);
  }

  @Test
  void failuresAreTheSameAsBefore() {
    ConnectionView c = connection(admin, bearerIntegration(), Visibility.ORGANIZATION);
    putCredentials(admin, c, Environment.PRODUCTION, Map.of("token", "t-1"));
    ConnectionResolver resolver = resolver(postgres);

    // never another environment's row
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    ORG,
                    c.connection().key(),
                    Environment.DEVELOPMENT,
                    RuntimeCaller.UNKNOWN_PROCESS))
        .isInstanceOf(ConnectionResolutionException.class)
        .hasMessageContaining("has no credentials for DEVELOPMENT");
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    ORG, "no-such-key", Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS))
        .isInstanceOf(ConnectionResolutionException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void theScopeIsCheckedBeforeTheJoinedRowIsOpened() {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.PERSONAL);
    putCredentials(modeler, c, Environment.DEVELOPMENT, Map.of("token", "t-1"));
    List<CredentialLocation> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    PostgresCredentialStore watched =
        new PostgresCredentialStore(jdbc, cipher, json, Clock.systemUTC()) {
          @Override
          public Optional<SecretValues> open(
              CredentialLocation location, Optional<dev.flowconnections.crypto.SealedBox> row) {
            opened.add(location);
            return super.open(location, row);
          }
        };

    assertThatThrownBy(
            () ->
                resolver(watched)
                    .resolve(
                        ORG,
                        c.connection().key(),
                        Environment.DEVELOPMENT,
                        RuntimeCaller.process("some-process")))
        .isInstanceOf(ProcessScopeException.class);
    assertThat(opened).isEmpty();
  }

  @Test
  void anOrganizationWhoseCredentialsLiveElsewhereIsReadThereNotFromTheJoinedRow() {
    ConnectionView c = connection(admin, bearerIntegration(), Visibility.ORGANIZATION);
    // the PostgreSQL row exists (e.g. left from before a migration to Vault) ...
    putCredentials(admin, c, Environment.PRODUCTION, Map.of("token", "postgres-token"));
    CredentialLocation location =
        new CredentialLocation(
            ORG, c.connection().id(), c.connection().key(), Environment.PRODUCTION);
    // ... but the organization uses the other store
    MapStore vault = new MapStore();
    vault.write(location, SecretValues.of(Map.of("token", "vault-token")));
    CredentialStores stores =
        new CredentialStores(
            Map.of(CredentialStoreType.POSTGRES, postgres, CredentialStoreType.VAULT, vault),
            CredentialStoreType.POSTGRES,
            Map.of(ORG, CredentialStoreType.VAULT));
    ConnectionResolver resolver =
        resolver(new TimedCredentialStore(stores.selected(), new SimpleMeterRegistry()));

    statements.set(0);
    ResolvedConnection resolved =
        resolver.resolve(
            ORG, c.connection().key(), Environment.PRODUCTION, RuntimeCaller.UNKNOWN_PROCESS);

    assertThat(resolved.requireText("token")).isEqualTo("vault-token");
    assertThat(vault.reads.get()).isEqualTo(1);
    assertThat(statements.get()).isEqualTo(1);
  }

  private ConnectionResolver resolver(CredentialStore store) {
    return new StoreConnectionResolver(
        new ConnectionRepository(jdbc, json),
        new IntegrationRepository(jdbc, json),
        store,
        new OrgSecretRepository(jdbc, cipher));
  }

  /** Counts the statements prepared on the pool's connections. */
  private DataSource counting(DataSource target) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(target, method, args);
              if (result instanceof java.sql.Connection connection) {
                return Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {java.sql.Connection.class},
                    (p, m, a) -> {
                      if (m.getName().startsWith("prepare")
                          || m.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                      }
                      return invoke(connection, m, a);
                    });
              }
              return result;
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Stands in for Vault: a store of its own, read over "HTTP". */
  private static final class MapStore implements CredentialStore {
    final Map<CredentialLocation, SecretValues> values = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<SecretValues> read(CredentialLocation location) {
      reads.incrementAndGet();
      return Optional.ofNullable(values.get(location));
    }

    @Override
    public void write(CredentialLocation location, SecretValues values) {
      this.values.put(location, values);
    }

    @Override
    public void delete(CredentialLocation location) {
      values.remove(location);
    }

    @Override
    public String name() {
      return "vault";
    }
  }
}
