package dev.flowconnections.runtime.email;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

/**
 * Composes the MIME message SMTP sends: text and HTML as multipart/alternative (mail clients show
 * the richest part they can), wrapped in multipart/mixed when there are attachments.
 */
final class MimeMessages {

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private MimeMessages() {}

  /** A message with its headers final, Message-ID included. */
  static MimeMessage compose(Session session, OutgoingEmail email) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(email.from());
    setRecipients(message, RecipientType.TO, email.to());
    setRecipients(message, RecipientType.CC, email.cc());
    setRecipients(
        message, RecipientType.BCC, email.bcc()); // Transport leaves Bcc out of what it sends
    message.setSubject(email.subject(), UTF_8);
    message.setSentDate(new Date());
    if (email.attachments().isEmpty()) {
      setBody(message, email);
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      setBody(body, email);
      mixed.addBodyPart(body);
      for (MailAttachment attachment : email.attachments()) {
        mixed.addBodyPart(attachmentPart(attachment));
      }
      message.setContent(mixed);
    }
    message.saveChanges(); // sets Message-ID, which the task returns
    return message;
  }

  private static void setRecipients(
      MimeMessage message, RecipientType type, List<InternetAddress> addresses)
      throws MessagingException {
    if (!addresses.isEmpty()) {
      message.setRecipients(type, addresses.toArray(InternetAddress[]::new));
    }
  }

  private static void setBody(MimePart part, OutgoingEmail email) throws MessagingException {
    if (email.textBody() != null && email.htmlBody() != null) {
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(textPart(email.textBody(), "plain"));
      alternative.addBodyPart(textPart(email.htmlBody(), "html"));
      part.setContent(alternative);
    } else if (email.htmlBody() != null) {
      part.setText(email.htmlBody(), UTF_8, "html");
    } else {
      part.setText(email.textBody(), UTF_8, "plain");
    }
  }

  private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, UTF_8, subtype);
    return part;
  }

  private static MimeBodyPart attachmentPart(MailAttachment attachment) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(
        new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
    part.setFileName(attachment.fileName());
    part.setDisposition(Part.ATTACHMENT);
    return part;
  }
}
