package dev.flowconnections.runtime.voice;

/**
 * The result of a Voice Call task, available to the task's {@code resultExpression}.
 *
 * @param callId Twilio's call SID
 * @param status Twilio's final call status: {@code completed}, {@code busy}, {@code no-answer},
 *     {@code failed} or {@code canceled}; another status ({@code in-progress}) when the runtime
 *     stopped waiting at {@code flow-connections.voice.max-call-time} and hung up
 * @param durationSeconds how long the call lasted; null when Twilio did not say
 * @param transcript the provider's transcript of the recorded call; null when not recorded (or no
 *     recording was made, e.g. the call was not answered)
 * @param recordingDurationSeconds the recording's length; null without one
 */
public record VoiceCallResult(
    String callId,
    String status,
    Integer durationSeconds,
    String transcript,
    Integer recordingDurationSeconds) {}
