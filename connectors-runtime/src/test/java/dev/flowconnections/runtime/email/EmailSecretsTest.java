package dev.flowconnections.runtime.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No credential of an Email connection reaches an incident, a test outcome or a log line, even when
 * a server quotes it back: an SMTP server echoing the AUTH exchange, SendGrid echoing the header.
 */
@Tag("fast")
class EmailSecretsTest {

  static final String PASSWORD = "smtp-Secret-77";
  static final String API_KEY = "SG.secret-api-key-99";

  private final RecordingHttpServer sendGrid = RecordingHttpServer.start();
  private final EchoingSmtpServer smtp = EchoingSmtpServer.start();
  private final EmailTestFixture fixture = new EmailTestFixture();

  @AfterEach
  void stop() {
    sendGrid.close();
    smtp.close();
  }

  @Test
  void anSmtpServerQuotingTheLoginExchangeIsMaskedInTheIncident() {
    fixture.smtp(smtp.port(), "NONE", "svc-mailer", PASSWORD);

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .satisfies(
            e ->
                assertThat(smtp.receivedAuthLines())
                    .as("the server did get the encoded password")
                    .isNotEmpty())
        .hasMessageContaining("rejected the credentials of connection 'team-mail'")
        .hasMessageContaining("****")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(smtp.receivedAuthLines()));
  }

  @Test
  void theSmtpConnectionTestMasksTheSameWay() {
    fixture.smtp(smtp.port(), "NONE", "svc-mailer", PASSWORD);

    TestOutcome outcome = fixture.smtpTester().test(fixture.resolver.current());

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.message())
        .contains("****")
        .doesNotContain(smtp.receivedAuthLines())
        .doesNotContain(PASSWORD);
  }

  @Test
  void sendGridEchoingTheAuthorizationHeaderIsMasked() {
    fixture.sendGrid(sendGrid.baseUrl(), API_KEY);
    sendGrid.respond(
        request ->
            Reply.json(
                400,
                "{\"errors\":[{\"message\":\"bad header "
                    + request.header("Authorization")
                    + "\"}]}"));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .hasMessage("SendGrid answered HTTP 400: bad header Bearer ****");
  }

  @Test
  void anAddressBuiltFromASecretIsMaskedInTheInputError() {
    fixture.sendGrid(sendGrid.baseUrl(), API_KEY);

    assertThatThrownBy(() -> fixture.send(Map.of("to", API_KEY)))
        .hasMessageStartingWith("to contains an invalid email address '****'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(API_KEY));
  }

  @Test
  void settingsNeverPrintTheirSecrets() {
    fixture.smtp(25, "NONE", "svc-mailer", PASSWORD);
    assertThat(SmtpServer.of(fixture.resolver.current()).toString()).doesNotContain(PASSWORD);
    fixture.sendGrid(sendGrid.baseUrl(), API_KEY);
    assertThat(SendGridAccount.of(fixture.resolver.current()).toString()).doesNotContain(API_KEY);
  }
}
