package dev.flowconnections.runtime.email;

import jakarta.mail.internet.InternetAddress;
import java.util.List;

/**
 * A checked message, the same for every provider: parsed addresses, at least one body, attachments
 * read and within the limit.
 *
 * @param textBody null when the task gave only HTML
 * @param htmlBody null when the task gave only text
 */
record OutgoingEmail(
    InternetAddress from,
    List<InternetAddress> to,
    List<InternetAddress> cc,
    List<InternetAddress> bcc,
    String subject,
    String textBody,
    String htmlBody,
    List<MailAttachment> attachments) {

  List<InternetAddress> allRecipients() {
    List<InternetAddress> all = new java.util.ArrayList<>(to);
    all.addAll(cc);
    all.addAll(bcc);
    return all;
  }
}
