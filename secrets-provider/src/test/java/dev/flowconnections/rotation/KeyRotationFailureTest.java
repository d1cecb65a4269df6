package dev.flowconnections.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.testsupport.RuntimeInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows the rotation cannot re-seal are named by ids and key id, never by what they hold. */
class KeyRotationFailureTest extends RotationTestBase {

  static final String K0 = "dW5rbm93bi1rZXktazAtbm90LWNvbmZpZ3VyZWQtMzI=";

  @Test
  void aRowUnderAnUnknownKeyIdIsNamedBlocksTheRunAndTheRestIsStillRotated() throws Exception {
    Map<CredentialLocation, String> values = credentialsUnderK1(3);
    CredentialLocation orphan = values.keySet().iterator().next();
    try (RuntimeInstance forgotten = RuntimeInstance.withKeys(ringOf("k0", K0), SCHEMA)) {
      forgotten.store.write(orphan, SecretValues.of(Map.of("token", "orphaned-secret-value")));
    }
    try {
      assertThatThrownBy(() -> store.read(orphan))
          .hasMessageContaining("'k0'")
          .hasMessageNotContaining("orphaned-secret-value");

      rotation.start(superAdmin);
      rotation.awaitIdle(Duration.ofSeconds(30));

      RotationStatus status = rotation.status();
      assertThat(status.state()).isEqualTo(RotationState.BLOCKED);
      assertThat(status.message())
          .contains("1 row(s) under master key 'k0'")
          .contains("previous-keys")
          .doesNotContain("orphaned-secret-value");
      assertThat(status.missingKeyIds()).containsExactly("k0");
      assertThat(status.removableKeyIds()).containsExactly("k1");
      assertThat(rowsUnder("k1")).isZero();
      values.forEach(
          (location, token) -> {
            if (!location.equals(orphan)) {
              assertThat(token(location)).isEqualTo(token);
            }
          });
    } finally {
      store.delete(orphan);
    }
  }

  @Test
  void aTamperedRowFailsTheRunNamingTheRowAndKeyButNotItsContent() throws Exception {
    Map<CredentialLocation, String> values = credentialsUnderK1(1);
    CredentialLocation tampered = values.keySet().iterator().next();
    jdbc.sql(
            // flips every bit of one byte: overwriting it with a constant left it unchanged when it
            // already held that constant (one run in 256), and the rotation then completed
            "update connection_credential set ciphertext = set_byte(ciphertext, 19, get_byte(ciphertext, 19) # 255)"
                + " where connection_id = :id and environment = :env")
        .param("id", tampered.connectionId())
        .param("env", tampered.environment().name())
        .update();
    try {
      rotation.start(superAdmin);
      rotation.awaitIdle(Duration.ofSeconds(30));

      RotationStatus status = rotation.status();
      assertThat(status.state()).isEqualTo(RotationState.FAILED);
      assertThat(status.message())
          .contains(
              "connection_credential row (connection "
                  + tampered.connectionId()
                  + ", environment "
                  + tampered.environment())
          .contains("master key 'k1'")
          .doesNotContain(values.get(tampered));
    } finally {
      store.delete(tampered);
      rotation.start(superAdmin);
      rotation.awaitIdle(Duration.ofSeconds(30));
    }
    assertThat(rotation.status().state()).isEqualTo(RotationState.COMPLETED);
  }
}
