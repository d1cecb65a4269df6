package dev.flowconnections.runtime.email;

/**
 * The result of a Send Email task, available to the task's {@code resultExpression}.
 *
 * @param provider SMTP or SENDGRID
 * @param messageId the Message-ID header (SMTP) or SendGrid's X-Message-Id, to find the mail in
 *     logs
 */
public record EmailResult(String provider, String messageId) {}
