package dev.flowconnections.runtime.voice;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.sms.SenderNumber;
import dev.flowconnections.templates.node.ConnectionPicker;
import dev.flowconnections.templates.node.TemplateProperty;
import dev.flowconnections.templates.node.TemplateProperty.Type;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a Voice Call task asks for, bound from the job's variables. The AI Provider connection
 * speaks and transcribes, the Twilio connection places the call; a process holds neither's
 * credentials.
 *
 * @param connection the AI Provider connection: the voice when {@code speech} is {@code provider},
 *     and the transcription of a recorded answer
 * @param telephonyConnection an SMS connection of provider Twilio, whose account places the call
 * @param to the callee in E.164 form ({@code +4915112345678})
 * @param from the caller id; the Twilio connection's {@code fromNumber} when empty
 * @param ringTimeoutSeconds how long it rings; {@value #DEFAULT_RING_SECONDS} when empty
 * @param voice Twilio's voice name (e.g. {@code Polly.Joanna}) or the provider's ({@code alloy},
 *     {@code Kore}); each one's default when empty
 * @param language Twilio's {@code <Say>} language and the transcription's language hint
 * @param speechModel the provider's text-to-speech model; {@value SpeechClient#OPENAI_SPEECH_MODEL}
 *     or {@value SpeechClient#GEMINI_SPEECH_MODEL} when empty
 * @param record whether to record the call and transcribe it
 * @param listenSeconds how long the line stays open for the answer after the message, when recorded
 * @param transcriptionModel the provider's model that transcribes; {@value
 *     SpeechClient#OPENAI_TRANSCRIPTION_MODEL} or {@value SpeechClient#GEMINI_TRANSCRIPTION_MODEL}
 *     when empty
 */
public record VoiceCallRequest(
    @NotBlank String connection,
    @TemplateProperty(
            label = "Telephony connection",
            group = "call",
            description = "An SMS connection of provider Twilio, whose account places the call")
        @ConnectionPicker(IntegrationType.SMS)
        @NotBlank
        String telephonyConnection,
    @TemplateProperty(label = "To (E.164 phone number)", group = "call")
        @NotBlank
        @Pattern(regexp = SenderNumber.E164, message = SenderNumber.E164_MESSAGE)
        String to,
    @TemplateProperty(
            label = "From (E.164 phone number)",
            group = "call",
            description = "Defaults to the Twilio connection's sender number")
        @Pattern(regexp = SenderNumber.E164, message = SenderNumber.E164_MESSAGE)
        String from,
    @TemplateProperty(
            label = "Message",
            group = "call",
            type = Type.TEXT,
            description = "Spoken when the call is answered; at most {max} characters")
        @NotBlank
        @Size(max = MAX_MESSAGE_CHARS)
        String message,
    @TemplateProperty(
            label = "Ring timeout (seconds)",
            group = "call",
            defaultValue = "" + DEFAULT_RING_SECONDS,
            description = "{min} to {max}; a call not answered by then ends as no-answer")
        @Min(5)
        @Max(60)
        Integer ringTimeoutSeconds,
    @TemplateProperty(label = "Speech", group = "speech", defaultValue = "twilio") @NotNull
        SpeechSource speech,
    @TemplateProperty(
            label = "Voice",
            group = "speech",
            description =
                "Twilio: e.g. Polly.Joanna; OpenAI: e.g. alloy; Google: e.g. Kore. Empty for the"
                    + " default voice")
        @Pattern(regexp = NAME, message = NAME_MESSAGE)
        String voice,
    @TemplateProperty(
            label = "Language",
            group = "speech",
            description = "A language tag such as en-US; empty for the voice's own")
        @Pattern(regexp = LANGUAGE, message = "must be a language tag such as en-US")
        String language,
    @TemplateProperty(
            label = "Speech model",
            group = "speech",
            description = "The provider's text-to-speech model; empty for its default")
        @Pattern(regexp = NAME, message = NAME_MESSAGE)
        String speechModel,
    @TemplateProperty(
            label = "Record and transcribe the answer",
            group = "answer",
            defaultValue = "false",
            description = "The whole call is recorded (message included) and transcribed")
        Boolean record,
    @TemplateProperty(
            label = "Listen (seconds)",
            group = "answer",
            defaultValue = "" + DEFAULT_LISTEN_SECONDS,
            description = "{min} to {max} seconds the line stays open after the message")
        @Min(1)
        @Max(120)
        Integer listenSeconds,
    @TemplateProperty(
            label = "Transcription model",
            group = "answer",
            description = "The provider's model that transcribes; empty for its default")
        @Pattern(regexp = NAME, message = NAME_MESSAGE)
        String transcriptionModel) {

  static final int MAX_MESSAGE_CHARS = 3500;
  static final int DEFAULT_RING_SECONDS = 30;
  static final int DEFAULT_LISTEN_SECONDS = 15;

  /** A voice or model name: it becomes part of a URL path or a TwiML attribute. */
  static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

  static final String NAME_MESSAGE = "must be letters, digits, '.', '_' or '-'";
  static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}";

  int ringSeconds() {
    return ringTimeoutSeconds == null ? DEFAULT_RING_SECONDS : ringTimeoutSeconds;
  }

  boolean recorded() {
    return Boolean.TRUE.equals(record);
  }

  int listen() {
    return listenSeconds == null ? DEFAULT_LISTEN_SECONDS : listenSeconds;
  }
}
