package dev.flowconnections.runtime.voice;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider's speech while Twilio may fetch it: each audio under an unguessable token (256
 * random bits), answered for at most {@code ttl} and removed as soon as its call ended. Kept in
 * this runtime's memory only, so Twilio must reach the instance that placed the call.
 */
public final class VoiceAudio {

  /** What a token looks like: base64url of 32 bytes, without padding. */
  static final String TOKEN = "[A-Za-z0-9_-]{43}";

  /** The path beneath the public base URL; {@link VoiceAudioController} answers it. */
  static final String PATH = "/voice/audio/";

  /** A bound on memory: audio of calls in flight only. */
  static final int MAX_ENTRIES = 256;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration ttl;

  VoiceAudio(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  /** Keeps {@code audio} for {@code ttl}; its token. */
  String put(SpeechAudio audio) {
    Instant now = clock.instant();
    entries.values().removeIf(entry -> !entry.expires().isAfter(now));
    if (entries.size() >= MAX_ENTRIES) {
      throw new IllegalStateException("too many calls with provider speech at once");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    entries.put(token, new Entry(audio, now.plus(ttl)));
    return token;
  }

  /** The audio of {@code token} while it lives. */
  Optional<SpeechAudio> get(String token) {
    if (token == null || !token.matches(TOKEN)) {
      return Optional.empty();
    }
    Entry entry = entries.get(token);
    if (entry == null || !entry.expires().isAfter(clock.instant())) {
      entries.remove(token);
      return Optional.empty();
    }
    return Optional.of(entry.audio());
  }

  void remove(String token) {
    entries.remove(token);
  }

  private record Entry(SpeechAudio audio, Instant expires) {}
}
