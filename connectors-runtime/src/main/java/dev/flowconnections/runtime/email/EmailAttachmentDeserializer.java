package dev.flowconnections.runtime.email;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.document.jackson.DocumentReferenceModel;
import java.io.IOException;

/**
 * Reads an attachment as a Camunda document when it is a document reference (it carries {@value
 * DocumentReferenceModel#DISCRIMINATOR_KEY}), otherwise as inline content. Documents are bound by
 * the connector runtime's own document module, which loads them from the document store.
 */
final class EmailAttachmentDeserializer extends JsonDeserializer<EmailAttachment> {

  @Override
  public EmailAttachment deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    JsonNode node = parser.readValueAsTree();
    if (node.isObject() && node.has(DocumentReferenceModel.DISCRIMINATOR_KEY)) {
      return new EmailAttachment.FromDocument(context.readTreeAsValue(node, Document.class));
    }
    return context.readTreeAsValue(node, EmailAttachment.Inline.class);
  }
}
