package dev.flowconnections.runtime.email;

import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentMetadata;
import io.camunda.connector.api.error.ConnectorInputException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns a task's attachments into bytes, refusing more than {@link #MAX_TOTAL_BYTES} in all: mail
 * servers and SendGrid refuse large messages anyway (often at 10 to 30 MB after base64), and the
 * whole message is held in memory while it is sent. Documents are read only up to the limit.
 */
final class AttachmentReader {

  static final int MAX_TOTAL_BYTES = 10 * 1024 * 1024;
  static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  private AttachmentReader() {}

  static List<MailAttachment> read(List<EmailAttachment> attachments) {
    List<MailAttachment> result = new ArrayList<>();
    long remaining = MAX_TOTAL_BYTES;
    for (int i = 0; i < attachments.size(); i++) {
      MailAttachment attachment =
          switch (attachments.get(i)) {
            case EmailAttachment.Inline inline -> inline(inline, i, remaining);
            case EmailAttachment.FromDocument document ->
                document(document.document(), i, remaining);
          };
      remaining -= attachment.content().length;
      result.add(attachment);
    }
    return result;
  }

  private static MailAttachment inline(EmailAttachment.Inline inline, int index, long remaining) {
    String base64 = inline.base64().replaceAll("\\s", "");
    if ((long) base64.length() / 4 * 3
        > remaining + 2) { // before decoding: base64 is 4 chars per 3 bytes
      throw tooLarge(index);
    }
    byte[] content;
    try {
      content = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new ConnectorInputException("attachments[" + index + "].base64 is not valid base64");
    }
    if (content.length > remaining) {
      throw tooLarge(index);
    }
    return new MailAttachment(
        inline.fileName().strip(), contentType(inline.contentType(), index), content);
  }

  private static MailAttachment document(Document document, int index, long remaining) {
    DocumentMetadata metadata = document.metadata();
    if (metadata != null && metadata.getSize() != null && metadata.getSize() > remaining) {
      throw tooLarge(index);
    }
    byte[] content;
    try (InputStream in = document.asInputStream()) {
      content =
          in.readNBytes((int) remaining + 1); // one byte more tells "too large" from "exactly fits"
    } catch (IOException | RuntimeException e) {
      throw new ConnectorInputException(
          "attachments["
              + index
              + "]: the document cannot be read ("
              + e.getClass().getSimpleName()
              + ")");
    }
    if (content.length > remaining) {
      throw tooLarge(index);
    }
    String fileName =
        metadata == null || isBlank(metadata.getFileName())
            ? "attachment-" + (index + 1)
            : metadata.getFileName().strip();
    if (fileName.matches(".*[\\r\\n/\\\\].*")) {
      throw new ConnectorInputException(
          "attachments[" + index + "]: the document's file name must be a plain file name");
    }
    String contentType = contentType(metadata == null ? null : metadata.getContentType(), index);
    return new MailAttachment(fileName, contentType, content);
  }

  /** A valid MIME type, or the generic one when none is given. */
  private static String contentType(String value, int index) {
    if (isBlank(value)) {
      return DEFAULT_CONTENT_TYPE;
    }
    try {
      return new ContentType(value.strip()).toString();
    } catch (ParseException e) {
      throw new ConnectorInputException(
          "attachments[" + index + "].contentType is not a MIME type such as application/pdf");
    }
  }

  private static ConnectorInputException tooLarge(int index) {
    return new ConnectorInputException(
        "attachments["
            + index
            + "] makes the attachments larger than "
            + MAX_TOTAL_BYTES / (1024 * 1024)
            + " MiB, the most one email may carry");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
