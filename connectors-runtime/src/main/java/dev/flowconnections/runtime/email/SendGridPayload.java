package dev.flowconnections.runtime.email;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.InternetAddress;
import java.util.Base64;
import java.util.List;

/**
 * The JSON body of SendGrid's v3 {@code POST /v3/mail/send}: one personalization with the
 * recipients, the sender, the subject, the bodies (text/plain before text/html, as SendGrid
 * requires) and the attachments as base64. Empty recipient lists are left out: SendGrid refuses
 * them.
 */
final class SendGridPayload {

  private SendGridPayload() {}

  static ObjectNode of(OutgoingEmail email, ObjectMapper json) {
    ObjectNode body = json.createObjectNode();
    ObjectNode personalization = body.putArray("personalizations").addObject();
    addAddresses(personalization, "to", email.to());
    addAddresses(personalization, "cc", email.cc());
    addAddresses(personalization, "bcc", email.bcc());
    address(body.putObject("from"), email.from());
    body.put("subject", email.subject());
    ArrayNode content = body.putArray("content");
    if (email.textBody() != null) {
      content.addObject().put("type", "text/plain").put("value", email.textBody());
    }
    if (email.htmlBody() != null) {
      content.addObject().put("type", "text/html").put("value", email.htmlBody());
    }
    if (!email.attachments().isEmpty()) {
      ArrayNode attachments = body.putArray("attachments");
      for (MailAttachment attachment : email.attachments()) {
        attachments
            .addObject()
            .put("content", Base64.getEncoder().encodeToString(attachment.content()))
            .put("type", attachment.contentType())
            .put("filename", attachment.fileName())
            .put("disposition", "attachment");
      }
    }
    return body;
  }

  private static void addAddresses(
      ObjectNode personalization, String field, List<InternetAddress> addresses) {
    if (!addresses.isEmpty()) {
      ArrayNode array = personalization.putArray(field);
      addresses.forEach(a -> address(array.addObject(), a));
    }
  }

  private static void address(ObjectNode node, InternetAddress address) {
    node.put("email", address.getAddress());
    if (address.getPersonal() != null && !address.getPersonal().isBlank()) {
      node.put("name", address.getPersonal());
    }
  }
}
