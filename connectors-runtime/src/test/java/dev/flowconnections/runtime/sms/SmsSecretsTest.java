package dev.flowconnections.runtime.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No credential of an SMS connection reaches an incident or a test outcome, even when the provider
 * (or a proxy in front of it) quotes the request back.
 */
@Tag("fast")
class SmsSecretsTest {

  static final String AUTH_TOKEN = "twilio-Secret-Token-42";
  static final String SECRET_ACCESS_KEY = "aws/Secret+Access-Key-42";

  @AutoClose private final RecordingHttpServer server = RecordingHttpServer.start();
  private final SmsTestFixture fixture = new SmsTestFixture();

  @Test
  void twilioEchoingTheAuthorizationHeaderIsMasked() {
    fixture.twilio(server.baseUrl(), AUTH_TOKEN);
    server.respond(
        request ->
            Reply.json(
                400,
                "{\"code\":1,\"message\":\"got "
                    + request.header("Authorization")
                    + " token "
                    + AUTH_TOKEN
                    + "\"}"));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .hasMessage("Twilio answered HTTP 400: got Basic **** token **** (error 1)");
  }

  @Test
  void snsEchoingTheSecretKeyIsMasked() {
    fixture.sns(server.baseUrl(), SECRET_ACCESS_KEY);
    server.respond(
        new Reply(
            400,
            Map.of("Content-Type", "text/xml"),
            SnsSmsTest.error("Sender", "InvalidParameter", "bad key " + SECRET_ACCESS_KEY)));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .hasMessageEndingWith("InvalidParameter: bad key ****");
  }

  @Test
  void connectionTestOutcomesAreMaskedToo() {
    fixture.twilio(server.baseUrl(), AUTH_TOKEN);
    server.respond(
        request -> Reply.json(500, "{\"message\":\"" + request.header("Authorization") + "\"}"));

    TestOutcome outcome = fixture.twilioTester().test(fixture.resolver.current());

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.message()).isEqualTo("Twilio answered HTTP 500: Basic ****");
  }

  @Test
  void settingsNeverPrintTheirSecrets() {
    fixture.twilio(server.baseUrl(), AUTH_TOKEN);
    assertThat(TwilioAccount.of(fixture.resolver.current()).toString()).doesNotContain(AUTH_TOKEN);
    fixture.sns(server.baseUrl(), SECRET_ACCESS_KEY);
    assertThat(SnsAccount.of(fixture.resolver.current()).toString())
        .doesNotContain(SECRET_ACCESS_KEY);
  }
}
