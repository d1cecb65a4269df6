package dev.flowconnections.runtime.email;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.flowconnections.templates.node.TemplateProperty;
import dev.flowconnections.templates.node.TemplateProperty.Feel;
import dev.flowconnections.templates.node.TemplateProperty.Type;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a Send Email task asks for, bound from the job's variables. The connection supplies the
 * server or API and the credentials, so a process never holds either.
 *
 * <p>{@code to}, {@code cc} and {@code bcc} take a list or a comma-separated string; each entry may
 * be {@code a@example.com} or {@code "Name" <a@example.com>}. They are checked as addresses when
 * the message is composed, so the error can name the field and the address.
 *
 * @param from the sender; the integration's {@code fromAddress} when empty
 * @param attachments inline {@code {fileName, contentType, base64}} objects or Camunda documents
 * @param allowedRecipients null for any recipient; else every recipient must match it (see {@link
 *     RecipientAllowList})
 */
public record EmailRequest(
    @NotBlank String connection,
    @TemplateProperty(
            label = "To",
            group = "message",
            description = "Comma-separated addresses, or a FEEL list, e.g. =[customer.email]")
        @NotEmpty(message = "must name at least one recipient")
        @Size(max = MAX_RECIPIENTS)
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<@NotNull String> to,
    @TemplateProperty(label = "Cc", group = "message")
        @Size(max = MAX_RECIPIENTS)
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<@NotNull String> cc,
    @TemplateProperty(label = "Bcc", group = "message")
        @Size(max = MAX_RECIPIENTS)
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<@NotNull String> bcc,
    @TemplateProperty(
            label = "From",
            group = "message",
            description = "Defaults to the integration's sender address")
        @Size(max = 320)
        String from,
    // A line break in a header would let the subject add headers of its own.
    @TemplateProperty(label = "Subject", group = "message")
        @NotBlank
        @Size(max = 998)
        @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line")
        String subject,
    @TemplateProperty(label = "Text body", group = "message", type = Type.TEXT)
        @Size(max = MAX_BODY_CHARS)
        String textBody,
    @TemplateProperty(
            label = "HTML body",
            group = "message",
            type = Type.TEXT,
            description = "Text body, HTML body or both; with both, mail clients show the HTML")
        @Size(max = MAX_BODY_CHARS)
        String htmlBody,
    @TemplateProperty(
            label = "Attachments",
            group = "message",
            feel = Feel.REQUIRED,
            description =
                "FEEL list of Camunda documents or {fileName, contentType, base64}; 10 MiB in all")
        @Size(max = MAX_ATTACHMENTS)
        List<@NotNull @Valid EmailAttachment> attachments,
    @TemplateProperty(
            label = "Allowed recipients",
            group = "guard",
            description =
                "Only these may receive the email, e.g. ann@example.com, example.com (that domain"
                    + " only), *.example.com (its subdomains). Empty: anyone. Set it when an AI"
                    + " model fills the recipients")
        @Size(max = MAX_ALLOWED_RECIPIENTS)
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<@NotNull String> allowedRecipients) {

  /**
   * Per field: enough for a team list, few enough that a list mix-up does not mail a whole
   * directory.
   */
  static final int MAX_RECIPIENTS = 100;

  static final int MAX_ALLOWED_RECIPIENTS = 1000;

  static final int MAX_BODY_CHARS = 1_000_000;
  static final int MAX_ATTACHMENTS = 20;

  public EmailRequest {
    cc = cc == null ? List.of() : cc;
    bcc = bcc == null ? List.of() : bcc;
    attachments = attachments == null ? List.of() : attachments;
  }

  @AssertTrue(message = "needs a textBody or an htmlBody")
  boolean isTextBodyOrHtmlBody() {
    return hasText(textBody) || hasText(htmlBody);
  }

  static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
