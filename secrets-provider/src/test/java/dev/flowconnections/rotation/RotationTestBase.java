package dev.flowconnections.rotation;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.crypto.MasterKeyRing;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import dev.flowconnections.testsupport.PostgresTestSchema;
import dev.flowconnections.testsupport.RuntimeInstance;
import dev.flowconnections.testsupport.SecretsProviderTestApplication;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A runtime whose operator has just rotated the master key: {@code k2} is active, {@code k1} (the
 * key every other test uses) is a previous key. It works in a schema of its own, because a rotation
 * re-seals the whole database and the other tests' runtimes only know {@code k1}. Rows "written
 * before the key change" come from a second instance that knows only {@code k1}.
 */
@SpringBootTest(classes = SecretsProviderTestApplication.class)
abstract class RotationTestBase {

  static final String K2 = "cm90YXRpb24tdGVzdC1rZXktbnVtYmVyLXR3by0zMmI=";
  static final String SCHEMA = PostgresTestSchema.extraSchema();

  @DynamicPropertySource
  static void rotatedRuntime(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestSchema.jdbcUrl(SCHEMA));
    registry.add("spring.datasource.username", () -> PostgresTestSchema.USER);
    registry.add("spring.datasource.password", () -> PostgresTestSchema.PASSWORD);
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("spring.flyway.default-schema", () -> SCHEMA);
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
    registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
    registry.add("flow-connections.environment", () -> "PRODUCTION");
    registry.add("flow-connections.encryption.master-key-id", () -> "k2");
    registry.add("flow-connections.encryption.master-key", () -> K2);
    registry.add(
        "flow-connections.encryption.previous-keys.k1", () -> DatabaseTest.TEST_MASTER_KEY);
    registry.add("flow-connections.encryption.rotation-batch-size", () -> "10");
    // long enough for the tests' readers, writers and status samplers to act between batches on a
    // busy machine
    registry.add("flow-connections.encryption.rotation-batch-pause", () -> "100ms");
  }

  final Actor superAdmin = new Actor("root", "default", Set.of(Role.SUPER_ADMIN));

  @Autowired IntegrationService integrations;
  @Autowired ConnectionService connections;
  @Autowired CredentialStore store;
  @Autowired KeyRotationService rotation;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired EnvelopeCipher cipher;
  @Autowired MasterKeyRing keys;

  /** An instance still configured with k1 only, as every instance was before the change. */
  RuntimeInstance beforeTheKeyChange;

  @BeforeEach
  void oldInstance() {
    beforeTheKeyChange = RuntimeInstance.withKeys(RuntimeInstance.testKeys(), SCHEMA);
  }

  @AfterEach
  void closeOldInstance() {
    beforeTheKeyChange.close();
  }

  /**
   * {@code count} connections with PRODUCTION and QA credentials sealed under k1; value by
   * location.
   */
  Map<CredentialLocation, String> credentialsUnderK1(int count) {
    Integration integration =
        integrations.create(superAdmin, IntegrationDrafts.bearerRest("REST " + UUID.randomUUID()));
    Map<CredentialLocation, String> values = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      ConnectionView c =
          connections.create(
              superAdmin,
              new ConnectionDraft(
                  integration.id(),
                  "Conn " + UUID.randomUUID(),
                  null,
                  Visibility.ORGANIZATION,
                  null));
      for (Environment env : new Environment[] {Environment.PRODUCTION, Environment.QA}) {
        CredentialLocation location =
            new CredentialLocation("default", c.connection().id(), c.connection().key(), env);
        String token = "tok-" + UUID.randomUUID();
        beforeTheKeyChange.store.write(location, SecretValues.of(Map.of("token", token)));
        values.put(location, token);
      }
    }
    return values;
  }

  String token(CredentialLocation location) {
    return store.read(location).orElseThrow().text("token").orElseThrow();
  }

  /** A rotation service as another instance (or this one after a restart) would build it. */
  KeyRotationService anotherInstancesRotation(int batchSize, Duration pause) {
    return new KeyRotationService(jdbc, tx, cipher, keys, Clock.systemUTC(), batchSize, pause);
  }

  long rowsUnder(String keyId) {
    return rotation.status().keys().stream()
        .filter(k -> k.keyId().equals(keyId))
        .mapToLong(KeyProgress::rows)
        .sum();
  }

  static MasterKeyRing ringOf(String id, String base64) {
    return new MasterKeyRing(id, Map.of(id, Base64.getDecoder().decode(base64)));
  }
}
