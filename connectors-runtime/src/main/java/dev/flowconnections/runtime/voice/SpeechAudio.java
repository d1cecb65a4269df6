package dev.flowconnections.runtime.voice;

/** Spoken audio: what a provider synthesised, or a call's recording. */
record SpeechAudio(byte[] bytes, String contentType) {

  @Override
  public String toString() {
    return "SpeechAudio[" + bytes.length + " bytes, " + contentType + "]";
  }
}
