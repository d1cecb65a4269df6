package dev.flowconnections.demo.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresAddressTest {

  @Test
  void readsServerDatabaseAndOptionsAndMovesThemToALocalPort() {
    PostgresAddress address =
        PostgresAddress.parse("jdbc:postgresql://db.example:6543/test?currentSchema=demo&ssl=false")
            .orElseThrow();
    assertThat(address.host()).isEqualTo("db.example");
    assertThat(address.port()).isEqualTo(6543);
    assertThat(address.database()).isEqualTo("test");
    assertThat(address.onLocalPort(40001))
        .isEqualTo("jdbc:postgresql://127.0.0.1:40001/test?currentSchema=demo&ssl=false");
    assertThat(address).hasToString("db.example:6543");

    assertThat(PostgresAddress.parse("jdbc:postgresql://localhost/test").orElseThrow().port())
        .isEqualTo(5432);
    PostgresAddress ipv6 = PostgresAddress.parse("jdbc:postgresql://[::1]:5433/test").orElseThrow();
    assertThat(ipv6.host()).isEqualTo("::1");
    assertThat(ipv6).hasToString("[::1]:5433");
  }

  @Test
  void urlsItCannotStandInForAreLeftAlone() {
    assertThat(PostgresAddress.parse(null)).isEmpty();
    assertThat(PostgresAddress.parse("jdbc:mysql://127.0.0.1:3306/test")).isEmpty();
    assertThat(PostgresAddress.parse("jdbc:postgresql://a:5432,b:5432/test")).isEmpty();
    assertThat(PostgresAddress.parse("jdbc:postgresql://127.0.0.1:x/test")).isEmpty();
    assertThat(PostgresAddress.parse("jdbc:postgresql:test")).isEmpty();
  }

  @Test
  void onlyAnOpenPortAnswers() throws IOException {
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(
              new PostgresAddress("127.0.0.1", listening.getLocalPort(), "test")
                  .answers(Duration.ofSeconds(5)))
          .isTrue();
    }
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    assertThat(new PostgresAddress("127.0.0.1", closed, "test").answers(Duration.ofSeconds(5)))
        .isFalse();
    // a name that does not resolve is a wrong setting: reported by the usual start-up failure, not
    // replaced
    assertThat(
            new PostgresAddress("no-such-host.invalid", 5432, "test")
                .answers(Duration.ofSeconds(5)))
        .isTrue();
  }
}
