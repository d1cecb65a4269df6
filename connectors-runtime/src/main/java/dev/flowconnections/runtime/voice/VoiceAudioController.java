package dev.flowconnections.runtime.voice;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a Voice Call's provider speech to Twilio ({@code GET /voice/audio/<token>}), without a
 * login: the token is the only key, unguessable and short-lived ({@link VoiceAudio}). Anything else
 * is a 404 that says nothing.
 */
@RestController
class VoiceAudioController {

  private final VoiceAudio audio;

  VoiceAudioController(VoiceAudio audio) {
    this.audio = audio;
  }

  @GetMapping(VoiceAudio.PATH + "{token}")
  ResponseEntity<byte[]> audio(@PathVariable String token) {
    return audio
        .get(token)
        .map(
            found ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .contentType(MediaType.parseMediaType(found.contentType()))
                    .body(found.bytes()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
