package dev.flowconnections.runtime.voice;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the Voice Call worker reaches Twilio and how long it waits for a call.
 *
 * @param publicBaseUrl the runtime's address as Twilio reaches it (e.g. {@code
 *     https://flow.example.com}); the provider's speech is served beneath it at {@code
 *     /voice/audio/<token>}. Unset: calls with the provider's voice are refused (Twilio's own voice
 *     works without it)
 * @param audioTtl how long such an audio URL answers; it is removed earlier, once the call ended
 * @param pollInterval the first pause between two reads of a call's status; it doubles up to {@code
 *     maxPollInterval}
 * @param maxPollInterval the longest pause between two reads of a call's status
 * @param maxCallTime how long a task waits for its call (ringing, speaking, listening) and its
 *     recording; keep it below the job timeout. At the limit the call is hung up
 * @param maxRecordingSize the largest recording downloaded for transcription
 */
@ConfigurationProperties("flow-connections.voice")
public record VoiceSettings(
    URI publicBaseUrl,
    @DefaultValue("10m") Duration audioTtl,
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("10s") Duration maxPollInterval,
    @DefaultValue("3m") Duration maxCallTime,
    @DefaultValue("25MB") DataSize maxRecordingSize) {

  static final String PUBLIC_BASE_URL = "flow-connections.voice.public-base-url";

  public VoiceSettings {
    if (publicBaseUrl != null) {
      String scheme =
          publicBaseUrl.getScheme() == null
              ? ""
              : publicBaseUrl.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || publicBaseUrl.getRawAuthority() == null
          || publicBaseUrl.getRawQuery() != null
          || publicBaseUrl.getRawFragment() != null) {
        throw new IllegalArgumentException(
            PUBLIC_BASE_URL + " must be an absolute http(s) URL without query: " + publicBaseUrl);
      }
      String text = publicBaseUrl.toString();
      publicBaseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
  }

  public static VoiceSettings defaults() {
    return new VoiceSettings(
        null,
        Duration.ofMinutes(10),
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        Duration.ofMinutes(3),
        DataSize.ofMegabytes(25));
  }
}
