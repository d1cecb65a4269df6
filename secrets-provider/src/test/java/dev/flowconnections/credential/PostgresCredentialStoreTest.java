package dev.flowconnections.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.testsupport.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PostgresCredentialStoreTest extends DatabaseTest {

  @Autowired CredentialStore store;
  @Autowired JdbcClient jdbc;

  @Test
  void storesSecretsEncryptedAndReadsThemBack() {
    CredentialLocation location = location(Environment.PRODUCTION);
    SecretValues values =
        SecretValues.of(
            Map.of("token", "tok-prod-123456", "headers", Map.of("X-Key", "hv-987654")));

    store.write(location, values);

    assertThat(store.read(location)).contains(values);
    byte[] raw =
        jdbc.sql(
                "select ciphertext from connection_credential where connection_id = :id and environment = 'PRODUCTION'")
            .param("id", location.connectionId())
            .query(byte[].class)
            .single();
    String asText = new String(raw, StandardCharsets.ISO_8859_1);
    assertThat(asText)
        .doesNotContain("tok-prod-123456")
        .doesNotContain("hv-987654")
        .doesNotContain("token");
  }

  @Test
  void environmentsAreSeparate() {
    CredentialLocation dev = location(Environment.DEVELOPMENT);
    CredentialLocation prod =
        new CredentialLocation(
            dev.organizationId(), dev.connectionId(), dev.connectionKey(), Environment.PRODUCTION);
    store.write(dev, SecretValues.of(Map.of("token", "dev-token")));

    assertThat(store.read(prod)).isEmpty();
    store.delete(dev);
    assertThat(store.read(dev)).isEmpty();
  }

  @Test
  void aCiphertextCopiedToAnotherEnvironmentDoesNotDecrypt() {
    CredentialLocation dev = location(Environment.DEVELOPMENT);
    CredentialLocation prod =
        new CredentialLocation(
            dev.organizationId(), dev.connectionId(), dev.connectionKey(), Environment.PRODUCTION);
    store.write(dev, SecretValues.of(Map.of("token", "dev-token")));
    store.write(prod, SecretValues.of(Map.of("token", "prod-token")));

    // an attacker with database access swaps the development envelope into the production row
    jdbc.sql(
            "update connection_credential p set key_id = d.key_id, wrapped_key = d.wrapped_key, ciphertext = d.ciphertext"
                + " from connection_credential d where p.connection_id = d.connection_id"
                + " and p.environment = 'PRODUCTION' and d.environment = 'DEVELOPMENT' and p.connection_id = :id")
        .param("id", dev.connectionId())
        .update();

    assertThatThrownBy(() -> store.read(prod))
        .hasMessageContaining("could not be decrypted")
        .message()
        .doesNotContain("dev-token");
  }

  private CredentialLocation location(Environment environment) {
    ConnectionView view = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    UUID id = view.connection().id();
    return new CredentialLocation(ORG, id, view.connection().key(), environment);
  }
}
