package dev.flowconnections.runtime.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Attachments are bounded in total ({@value AttachmentReader#MAX_TOTAL_BYTES} bytes), inline or as
 * documents.
 */
@Tag("fast")
class EmailAttachmentLimitTest {

  private static final int LIMIT = AttachmentReader.MAX_TOTAL_BYTES;

  @Test
  void attachmentsThatExactlyFillTheLimitAreRead() {
    List<MailAttachment> read =
        AttachmentReader.read(List.of(inline("a.bin", LIMIT - 10), document("b.bin", 10)));

    assertThat(read).extracting(a -> a.content().length).containsExactly(LIMIT - 10, 10);
    assertThat(read)
        .extracting(MailAttachment::contentType)
        .containsExactly("application/octet-stream", "application/pdf");
  }

  @Test
  void oneByteMoreInlineIsRefusedNamingTheAttachment() {
    assertThatThrownBy(
            () -> AttachmentReader.read(List.of(inline("a.bin", LIMIT - 10), inline("b.bin", 11))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "attachments[1] makes the attachments larger than 10 MiB, the most one email may carry");
  }

  @Test
  void oneByteMoreAsADocumentIsRefused() {
    assertThatThrownBy(
            () ->
                AttachmentReader.read(List.of(inline("a.bin", LIMIT - 10), document("b.bin", 11))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("attachments[1] makes the attachments larger than 10 MiB");
  }

  @Test
  void theWorkerRefusesAnOversizedTaskBeforeConnecting() {
    EmailTestFixture fixture =
        new EmailTestFixture().smtp(1, "NONE", null, null); // port 1: nothing listens

    assertThatThrownBy(
            () ->
                fixture.send(
                    Map.of(
                        "attachments",
                        List.of(
                            Map.of(
                                "fileName",
                                "big.bin",
                                "base64",
                                Base64.getEncoder().encodeToString(new byte[LIMIT + 1]))))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("attachments[0] makes the attachments larger than 10 MiB");
  }

  private static EmailAttachment inline(String fileName, int size) {
    return new EmailAttachment.Inline(
        fileName, null, Base64.getEncoder().encodeToString(new byte[size]));
  }

  /**
   * A document bound the way the runtime binds one: from the reference a process variable holds.
   */
  private static EmailAttachment document(String fileName, int size) {
    Map<String, Object> reference =
        WorkerTestContext.document(new byte[size], fileName, "application/pdf");
    EmailRequest request =
        new WorkerTestContext(
                EmailFunction.TYPE,
                Map.of(
                    "connection",
                    "x",
                    "to",
                    "a@example.com",
                    "subject",
                    "s",
                    "textBody",
                    "t",
                    "attachments",
                    List.of(reference)))
            .bindVariables(EmailRequest.class);
    return request.attachments().getFirst();
  }
}
