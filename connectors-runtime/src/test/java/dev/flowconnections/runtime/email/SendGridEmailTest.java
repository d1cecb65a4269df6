package dev.flowconnections.runtime.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The email worker against a local server speaking SendGrid's v3 API: the exact request and each
 * kind of answer.
 */
@Tag("fast")
class SendGridEmailTest {

  static final String API_KEY = "SG.test-key-0815";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingHttpServer server = RecordingHttpServer.start();
  private final EmailTestFixture fixture =
      new EmailTestFixture().sendGrid(server.baseUrl(), API_KEY);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postsTheDocumentedJsonWithTheApiKeyAsBearerToken() throws Exception {
    server.respond(new Reply(202, Map.of("X-Message-Id", "sg-msg-1"), null));
    byte[] notes = "packed by Kim".getBytes(StandardCharsets.UTF_8);

    EmailResult result =
        fixture.send(
            Map.of(
                "to", "\"Example, Ann\" <ann@example.com>, bob@example.com",
                "cc", List.of("carol@example.com"),
                "bcc", List.of("dave@example.com"),
                "subject", "Order 42 shipped",
                "textBody", "On its way.",
                "htmlBody", "<p>On its way.</p>",
                "attachments",
                    List.of(
                        Map.of(
                            "fileName",
                            "invoice.pdf",
                            "contentType",
                            "application/pdf",
                            "base64",
                            "JVBERi0xLjQ="),
                        WorkerTestContext.document(notes, "notes.txt", "text/plain"))));

    assertThat(result).isEqualTo(new EmailResult("SENDGRID", "sg-msg-1"));
    RecordedRequest request = server.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/v3/mail/send");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(JSON.readTree(request.body()))
        .isEqualTo(
            JSON.readTree(
                """
        {"personalizations": [{
           "to": [{"email": "ann@example.com", "name": "Example, Ann"}, {"email": "bob@example.com"}],
           "cc": [{"email": "carol@example.com"}],
           "bcc": [{"email": "dave@example.com"}]}],
         "from": {"email": "robot@example.com"},
         "subject": "Order 42 shipped",
         "content": [{"type": "text/plain", "value": "On its way."}, {"type": "text/html", "value": "<p>On its way.</p>"}],
         "attachments": [
           {"content": "JVBERi0xLjQ=", "type": "application/pdf", "filename": "invoice.pdf", "disposition": "attachment"},
           {"content": "%s", "type": "text/plain", "filename": "notes.txt", "disposition": "attachment"}]}
        """
                    .formatted(Base64.getEncoder().encodeToString(notes))));
  }

  @Test
  void leavesOutEmptyRecipientListsAndAbsentBodiesAsSendGridRequires() throws Exception {
    server.respond(new Reply(202, Map.of(), null));

    fixture.send(
        Map.of("textBody", "", "htmlBody", "<p>Hi</p>", "from", "Shipping <shipping@example.com>"));

    JsonNode body = JSON.readTree(server.lastRequest().body());
    assertThat(body.get("personalizations").get(0).fieldNames()).toIterable().containsExactly("to");
    assertThat(body.get("content"))
        .isEqualTo(JSON.readTree("[{\"type\": \"text/html\", \"value\": \"<p>Hi</p>\"}]"));
    assertThat(body.get("from"))
        .isEqualTo(JSON.readTree("{\"email\": \"shipping@example.com\", \"name\": \"Shipping\"}"));
    assertThat(body.has("attachments")).isFalse();
  }

  @Test
  void aRefusedApiKeyIsAnIncidentAtOnce() {
    server.respond(
        Reply.json(
            401, "{\"errors\":[{\"message\":\"The provided authorization grant is invalid\"}]}"));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "SendGrid rejected the credentials of connection 'team-mail' in DEVELOPMENT (HTTP 401)");
  }

  @Test
  void aRateLimitIsRetriedAfterItsRetryAfter() {
    server.respond(
        Reply.json(429, "{\"errors\":[{\"message\":\"too many requests\"}]}")
            .withHeader("Retry-After", "12"));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("429");
              assertThat(e.getBackoffDuration()).isEqualTo(Duration.ofSeconds(12));
            })
        .hasMessage("SendGrid answered HTTP 429: too many requests");
  }

  @Test
  void anyOtherRefusalIsCodedWithTheStatusAndCarriesSendGridsMessages() {
    server.respond(
        Reply.json(
            400,
            "{\"errors\":[{\"message\":\"The from address does not match a verified Sender"
                + " Identity.\",\"field\":\"from\",\"help\":null}]}"));

    assertThatThrownBy(() -> fixture.send(Map.of()))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("400"))
        .hasMessage(
            "SendGrid answered HTTP 400: The from address does not match a verified Sender Identity. (from)");
  }

  @Test
  void redirectsAreNotFollowedSoTheKeyStaysWithTheConfiguredHost() {
    try (RecordingHttpServer elsewhere = RecordingHttpServer.start()) {
      server.respond(
          new Reply(307, Map.of("Location", elsewhere.baseUrl() + "/v3/mail/send"), null));

      assertThatThrownBy(() -> fixture.send(Map.of()))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("307"));
      assertThat(elsewhere.requests()).isEmpty();
    }
  }

  @Test
  void theBaseUrlDefaultsToSendGridsApi() {
    fixture.resolver.connection(
        EmailTestFixture.KEY,
        IntegrationType.EMAIL,
        Map.of("provider", "SENDGRID"),
        Map.of("apiKey", API_KEY));

    assertThat(SendGridAccount.of(fixture.resolver.current()).baseUrl())
        .isEqualTo("https://api.sendgrid.com");
  }
}
