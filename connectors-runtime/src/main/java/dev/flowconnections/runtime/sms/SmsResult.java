package dev.flowconnections.runtime.sms;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of a Send SMS task, available to the task's {@code resultExpression}.
 *
 * @param provider TWILIO or AWS_SNS
 * @param messageId Twilio's message SID or SNS's MessageId
 * @param status Twilio's delivery status at acceptance (e.g. {@code queued}); absent for SNS, which
 *     has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmsResult(String provider, String messageId, String status) {}
