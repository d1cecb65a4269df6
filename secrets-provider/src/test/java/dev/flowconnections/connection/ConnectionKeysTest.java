package dev.flowconnections.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ConnectionKeysTest {

  @Test
  void derivesLowercaseSlugs() {
    assertThat(ConnectionKeys.fromName("Sales Team Gmail")).isEqualTo("sales-team-gmail");
    assertThat(ConnectionKeys.fromName("  Stripe (Prod) ")).isEqualTo("stripe-prod");
    assertThat(ConnectionKeys.fromName("Café Crème")).isEqualTo("cafe-creme");
    assertThat(ConnectionKeys.fromName("a.b.c")).isEqualTo("a-b-c");
  }

  @Test
  void validKeysHaveNoDotsAndNoOuterDashes() {
    assertThat(ConnectionKeys.isValid("sales-crm")).isTrue();
    assertThat(ConnectionKeys.isValid("x")).isTrue();
    assertThat(ConnectionKeys.isValid("sales.crm")).isFalse();
    assertThat(ConnectionKeys.isValid("-crm")).isFalse();
    assertThat(ConnectionKeys.isValid("")).isFalse();
    assertThat(ConnectionKeys.isValid(ConnectionKeys.fromName("!!!"))).isFalse();
  }
}
