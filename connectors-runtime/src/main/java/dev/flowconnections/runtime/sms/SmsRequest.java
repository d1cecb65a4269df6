package dev.flowconnections.runtime.sms;

import dev.flowconnections.templates.node.TemplateProperty;
import dev.flowconnections.templates.node.TemplateProperty.Type;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a Send SMS task asks for, bound from the job's variables. The connection supplies the
 * provider account and its credentials, so a process never holds either.
 *
 * @param to the recipient in E.164 form: +, country code, number, no spaces ({@code
 *     +4915112345678})
 * @param message at most {@value #MAX_MESSAGE_CHARS} characters, Twilio's limit (longer ones are
 *     sent as several SMS)
 * @param from the sender number; the integration's {@code fromNumber} when empty
 */
public record SmsRequest(
    @NotBlank String connection,
    @TemplateProperty(label = "To (E.164 phone number)", group = "message")
        @NotBlank
        @Pattern(regexp = E164, message = E164_MESSAGE)
        String to,
    @TemplateProperty(
            label = "Message",
            group = "message",
            type = Type.TEXT,
            description = "At most {max} characters")
        @NotBlank
        @Size(max = MAX_MESSAGE_CHARS)
        String message,
    @TemplateProperty(
            label = "From (E.164 phone number)",
            group = "message",
            description = "Defaults to the integration's sender number")
        @Pattern(regexp = E164, message = E164_MESSAGE)
        String from) {

  static final String E164 = SenderNumber.E164;
  static final String E164_MESSAGE = SenderNumber.E164_MESSAGE;
  static final int MAX_MESSAGE_CHARS = 1600;
}
