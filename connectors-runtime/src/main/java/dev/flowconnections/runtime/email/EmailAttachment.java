package dev.flowconnections.runtime.email;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.camunda.connector.api.document.Document;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One attachment of a Send Email task: either inline content or a Camunda document (a reference
 * created by a file upload, a form, or another connector, which the runtime resolves when it binds
 * the job's variables). Which one is decided by {@link EmailAttachmentDeserializer}.
 */
@JsonDeserialize(using = EmailAttachmentDeserializer.class)
public sealed interface EmailAttachment {

  /**
   * Content in the variables themselves; fine for small files (variables live in the engine).
   *
   * @param contentType a MIME type; application/octet-stream when empty
   * @param base64 the content, standard base64 (line breaks allowed)
   */
  @JsonDeserialize(
      using = JsonDeserializer.None.class) // the interface's deserializer delegates here
  record Inline(
      // Shown to the recipient and written into a header: one line, no path.
      @NotBlank
          @Size(max = 255)
          @Pattern(regexp = "[^\\r\\n/\\\\]*", message = "must be a plain file name")
          String fileName,
      @Size(max = 255) String contentType,
      @NotNull String base64)
      implements EmailAttachment {}

  /** A Camunda document; file name and content type come from its metadata. */
  record FromDocument(@NotNull Document document) implements EmailAttachment {}
}
