package dev.flowconnections.runtime.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connection testers of Email connections: a real login for SMTP, a read-only call for
 * SendGrid.
 */
@Tag("fast")
class EmailConnectionTestersTest {

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("robot@example.com", "svc-mailer", "right-password"));

  private final RecordingHttpServer sendGrid = RecordingHttpServer.start();
  private final EmailTestFixture fixture = new EmailTestFixture();

  @AfterEach
  void stop() {
    sendGrid.close();
  }

  @Test
  void eachTesterServesItsOwnProviderOnly() {
    fixture.smtp(GREEN_MAIL.getSmtp().getPort(), "NONE", "svc-mailer", "right-password");
    assertThat(fixture.smtpTester().supports(fixture.resolver.current())).isTrue();
    assertThat(fixture.sendGridTester().supports(fixture.resolver.current())).isFalse();

    fixture.sendGrid(sendGrid.baseUrl(), "SG.key");
    assertThat(fixture.smtpTester().supports(fixture.resolver.current())).isFalse();
    assertThat(fixture.sendGridTester().supports(fixture.resolver.current())).isTrue();

    fixture.resolver.connection(
        EmailTestFixture.KEY, IntegrationType.SMS, Map.of("provider", "SMTP"), Map.of());
    assertThat(fixture.smtpTester().supports(fixture.resolver.current()))
        .as("another type")
        .isFalse();
  }

  @Test
  void smtpLogsInAndSendsNothing() {
    fixture.smtp(GREEN_MAIL.getSmtp().getPort(), "NONE", "svc-mailer", "right-password");

    TestOutcome outcome = fixture.smtpTester().test(fixture.resolver.current());

    assertThat(outcome)
        .isEqualTo(
            TestOutcome.succeeded(
                "connected to SMTP server 127.0.0.1:"
                    + GREEN_MAIL.getSmtp().getPort()
                    + " (TLS: NONE) and logged in"));
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void smtpReportsARefusedLoginWithoutThePassword() {
    fixture.smtp(GREEN_MAIL.getSmtp().getPort(), "NONE", "svc-mailer", "wrong-password-123");

    TestOutcome outcome = fixture.smtpTester().test(fixture.resolver.current());

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.message())
        .contains("rejected the credentials of connection 'team-mail' in DEVELOPMENT")
        .doesNotContain("wrong-password-123");
  }

  @Test
  void smtpReportsAMissingHostAsTheFieldToFix() {
    fixture.resolver.connection(
        EmailTestFixture.KEY, IntegrationType.EMAIL, Map.of("provider", "SMTP"), Map.of());

    assertThat(fixture.smtpTester().test(fixture.resolver.current()))
        .isEqualTo(
            TestOutcome.failed("connection 'team-mail' has no value for 'host' in DEVELOPMENT"));
  }

  @Test
  void sendGridMakesOneAuthenticatedReadOnlyCall() {
    sendGrid.respond(Reply.json(200, "{\"scopes\":[\"mail.send\"]}"));
    fixture.sendGrid(sendGrid.baseUrl(), "SG.valid-key");

    TestOutcome outcome = fixture.sendGridTester().test(fixture.resolver.current());

    assertThat(outcome)
        .isEqualTo(
            TestOutcome.succeeded("SendGrid at " + sendGrid.baseUrl() + " accepted the API key"));
    assertThat(sendGrid.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.method()).isEqualTo("GET");
              assertThat(request.rawPath()).isEqualTo("/v3/scopes");
              assertThat(request.header("Authorization")).isEqualTo("Bearer SG.valid-key");
            });
  }

  @Test
  void sendGridReportsARefusedKey() {
    sendGrid.respond(Reply.json(403, "{\"errors\":[{\"message\":\"access forbidden\"}]}"));
    fixture.sendGrid(sendGrid.baseUrl(), "SG.revoked-key");

    assertThat(fixture.sendGridTester().test(fixture.resolver.current()))
        .isEqualTo(
            TestOutcome.failed(
                "SendGrid rejected the credentials of connection 'team-mail' in DEVELOPMENT (HTTP 403)"));
  }
}
