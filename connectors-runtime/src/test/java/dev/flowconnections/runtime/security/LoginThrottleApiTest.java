package dev.flowconnections.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.ApiTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 13, item 9: repeated failed logins (HTTP Basic and the form) lock the username and the
 * client address for a while, the right password included; other users from other addresses are not
 * affected; the lock ends with the window. Its own context (small limits, a clock the test moves);
 * each test uses its own loopback address (127.0.0.x), so the per-address counts of the tests do
 * not add up.
 */
@TestPropertySource(
    properties = {
      "flow-connections.security.login-throttle.max-failures-per-user=3",
      "flow-connections.security.login-throttle.max-failures-per-address=6",
      "flow-connections.security.login-throttle.window=5m"
    })
@Import(LoginThrottleApiTest.ClockConfiguration.class)
class LoginThrottleApiTest extends ApiTestBase {

  @org.springframework.beans.factory.annotation.Autowired MovableClock clock;

  @Test
  void failedLoginsLockTheUsernameEvenForTheRightPasswordUntilTheWindowEnds() {
    for (int i = 0; i < 3; i++) {
      assertThat(basic("127.0.0.2", "modeler", "guess-" + i).status()).isEqualTo(401);
    }

    Raw locked = basic("127.0.0.2", "modeler", "modeler");
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.header("content-type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(locked.header("retry-after"))).isBetween(1L, 300L);
    assertThat(basic("127.0.0.3", "modeler", "modeler").status())
        .as("the username is locked from anywhere")
        .isEqualTo(429);
    assertThat(basic("127.0.0.3", "other", "other").status())
        .as("another user from another address")
        .isEqualTo(200);

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(basic("127.0.0.2", "modeler", "modeler").status()).isEqualTo(200);
  }

  @Test
  void failedLoginsFromOneAddressLockThatAddressForEveryUsername() {
    for (int i = 0; i < 6; i++) {
      assertThat(basic("127.0.0.4", "nobody-" + i, "guess").status())
          .as("unknown users count too")
          .isEqualTo(401);
    }

    assertThat(basic("127.0.0.4", "root", "root").status()).isEqualTo(429);
    assertThat(basic("127.0.0.5", "root", "root").status())
        .as("the same user from another address")
        .isEqualTo(200);

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(basic("127.0.0.4", "root", "root").status()).isEqualTo(200);
  }

  @Test
  void theLoginFormIsThrottledToo() {
    BrowserSession browser = new BrowserSession();
    String login = "http://127.0.0.1:" + port + "/login";
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> failed =
          browser.submitLogin(browser.get(login), "auditor", "guess-" + i);
      assertThat(failed.uri().toString()).endsWith("/login?error");
    }

    HttpResponse<String> refused = browser.submitLogin(browser.get(login), "auditor", "auditor");

    assertThat(refused.uri().toString()).endsWith("/login?throttled");
    assertThat(refused.body()).contains("Too many failed sign-ins");
    assertThat(basic("127.0.0.6", "auditor", "auditor").status()).isEqualTo(429);
  }

  /**
   * One HTTP/1.1 request with Basic credentials, sent from {@code localAddress} (any 127.0.0.x is
   * this machine).
   */
  private Raw basic(String localAddress, String username, String password) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/me HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nAuthorization: Basic "
                  + credentials
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new Raw(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Raw(String text) {
    int status() {
      return Integer.parseInt(text.substring(9, 12));
    }

    String header(String name) {
      for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  @TestConfiguration
  static class ClockConfiguration {
    @Bean
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  /**
   * The context's clock (it replaces the default one), moved forward by the tests instead of
   * sleeping.
   */
  static final class MovableClock extends Clock {

    private final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MICROS));

    void advance(Duration duration) {
      now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
