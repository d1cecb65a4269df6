package dev.flowconnections.runtime.voice;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who speaks a Voice Call's message; the names are the template's dropdown values. */
public enum SpeechSource {
  /** Twilio's own text-to-speech ({@code <Say>}). */
  @JsonProperty("twilio")
  TWILIO,
  /** The AI Provider connection's text-to-speech, played by Twilio ({@code <Play>}). */
  @JsonProperty("provider")
  PROVIDER
}
