package dev.flowconnections.runtime.voice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.ai.AiAccount;
import dev.flowconnections.runtime.sms.SenderNumber;
import dev.flowconnections.runtime.sms.SmsProvider;
import dev.flowconnections.runtime.sms.TwilioAccount;
import dev.flowconnections.runtime.sms.TwilioMessages;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderConnection;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places a call through the Twilio account of an SMS connection, speaks the message (Twilio's
 * {@code <Say>}, or the AI provider's speech played from {@link VoiceAudio}), waits for the call to
 * end and, when asked, transcribes its recording with the AI provider.
 *
 * <p>How failures surface: bad input or configuration and refused credentials (of Twilio or the
 * provider) are a {@code ConnectorInputException}, an incident at once; 429/5xx and an unreachable
 * API are retried. A call nobody answered (no-answer, busy) or Twilio could not connect (failed) is
 * a result with that status, not a failure.
 */
public class VoiceCallService {

  private static final Logger LOG = LoggerFactory.getLogger(VoiceCallService.class);
  static final String WORKER = "Voice Call worker";

  /** Twilio's statuses of a call that has ended. */
  static final Set<String> FINAL = Set.of("completed", "busy", "failed", "no-answer", "canceled");

  private static final String SID = "[A-Za-z0-9]{2,64}";

  private final WorkerConnections connections;
  private final TwilioMessages twilio;
  private final SpeechClient speech;
  private final VoiceAudio audio;
  private final VoiceSettings settings;
  private final Clock clock;
  private final Pause pause;

  VoiceCallService(
      WorkerConnections connections,
      TwilioMessages twilio,
      SpeechClient speech,
      VoiceAudio audio,
      VoiceSettings settings,
      Clock clock,
      Pause pause) {
    this.connections = connections;
    this.twilio = twilio;
    this.speech = speech;
    this.audio = audio;
    this.settings = settings;
    this.clock = clock;
    this.pause = pause;
  }

  /**
   * @param job the job: its tenant names the organization of both connections
   */
  public VoiceCallResult call(VoiceCallRequest request, JobContext job) {
    boolean providerSpeech = request.speech() == SpeechSource.PROVIDER;
    if (providerSpeech && settings.publicBaseUrl() == null) {
      throw new ConnectorInputException(
          "speech 'provider' needs the runtime's public address for Twilio to fetch the audio ("
              + VoiceSettings.PUBLIC_BASE_URL
              + "), which is not set; choose speech 'twilio' or ask the operator to set it");
    }
    ProviderConnection<SmsProvider> telephony =
        connections.resolve(
            request.telephonyConnection().strip(),
            job,
            IntegrationType.SMS,
            WORKER,
            SmsProvider::of);
    ResolvedConnection phone = telephony.connection();
    if (telephony.provider() != SmsProvider.TWILIO) {
      throw new ConnectorInputException(
          "connection '"
              + phone.key()
              + "' is an SMS connection of "
              + telephony.provider()
              + "; the "
              + WORKER
              + " places calls through Twilio only");
    }
    TwilioAccount account = TwilioAccount.of(phone);
    String from = sender(request, phone);
    List<String> derived = new ArrayList<>(List.of(account.encodedCredentials()));

    ResolvedConnection ai = null;
    AiAccount aiAccount = null;
    if (providerSpeech || request.recorded()) {
      ai =
          connections.resolve(
              request.connection().strip(), job, IntegrationType.AI_PROVIDER, WORKER);
      aiAccount = AiAccount.of(ai);
      if (!SpeechClient.supports(aiAccount.provider())) {
        throw SpeechClient.unsupported(aiAccount);
      }
      derived.addAll(ai.secrets().allValues());
      derived.addAll(ai.orgSecretValues());
    }
    SecretMasker masker = WorkerConnections.maskerFor(phone, derived.toArray(String[]::new));
    LOG.debug(
        "calling via {}{}",
        telephony,
        ai == null ? "" : " speaking with connection '" + ai.key() + "'");

    String token = null;
    try {
      int listen = request.recorded() ? request.listen() : 0;
      String twiml;
      if (providerSpeech) {
        SpeechAudio spoken =
            speech.synthesize(
                aiAccount, request.message(), request.speechModel(), request.voice(), ai, masker);
        token = keep(spoken, masker);
        twiml =
            VoiceTwiml.play(URI.create(settings.publicBaseUrl() + VoiceAudio.PATH + token), listen);
      } else {
        twiml = VoiceTwiml.say(request.message(), request.voice(), request.language(), listen);
      }
      if (twiml.length() > VoiceTwiml.MAX_CHARS) {
        throw new ConnectorInputException(
            "message: too long for Twilio once written as TwiML ("
                + twiml.length()
                + " of at most "
                + VoiceTwiml.MAX_CHARS
                + " characters; '<', '>', '&' and quotes take several); shorten it");
      }
      Map<String, String> form = new LinkedHashMap<>();
      form.put("To", request.to());
      form.put("From", from);
      form.put("Twiml", twiml);
      form.put("Timeout", String.valueOf(request.ringSeconds()));
      if (request.recorded()) {
        form.put("Record", "true");
      }
      Instant deadline = clock.instant().plus(settings.maxCallTime());
      JsonNode placed = twilio.postForm(account, "/Calls.json", form, phone, masker);
      String callId = sid(placed, "call", masker);
      JsonNode call = awaitEnd(account, callId, deadline, phone, masker);
      String status = call.path("status").asText("");
      if (!FINAL.contains(status)) {
        hangUp(account, callId, phone, masker);
        return new VoiceCallResult(callId, status, seconds(call), null, null);
      }
      if (!request.recorded() || !"completed".equals(status)) {
        return new VoiceCallResult(callId, status, seconds(call), null, null);
      }
      Optional<JsonNode> recording = awaitRecording(account, callId, deadline, phone, masker);
      if (recording.isEmpty()) {
        return new VoiceCallResult(callId, status, seconds(call), null, null);
      }
      String recordingId = sid(recording.get(), "recording", masker);
      byte[] wav =
          twilio.media(
              account,
              "/Recordings/" + recordingId + ".wav",
              Math.min(settings.maxRecordingSize().toBytes(), SpeechClient.MAX_AUDIO_BYTES),
              phone,
              masker);
      String transcript =
          speech.transcribe(
              aiAccount,
              new SpeechAudio(wav, "audio/wav"),
              request.transcriptionModel(),
              request.language(),
              ai,
              masker);
      return new VoiceCallResult(
          callId, status, seconds(call), masker.mask(transcript), seconds(recording.get()));
    } finally {
      if (token != null) {
        audio.remove(token); // the call has ended (or was never placed): nobody fetches it again
      }
    }
  }

  private String keep(SpeechAudio spoken, SecretMasker masker) {
    try {
      return audio.put(spoken);
    } catch (IllegalStateException e) {
      throw JobFailures.unavailable(
          503, "the " + WORKER + " " + e.getMessage(), Optional.empty(), masker);
    }
  }

  /** Reads the call until it has ended or the deadline passed; the last state read. */
  private JsonNode awaitEnd(
      TwilioAccount account,
      String callId,
      Instant deadline,
      ResolvedConnection phone,
      SecretMasker masker) {
    Duration interval = settings.pollInterval();
    while (true) {
      JsonNode call = twilio.get(account, "/Calls/" + callId + ".json", phone, masker);
      if (FINAL.contains(call.path("status").asText(""))
          || !clock.instant().plus(interval).isBefore(deadline)) {
        return call;
      }
      interval = waitFor(interval, callId, masker);
    }
  }

  /**
   * The call's completed recording; empty if Twilio made none (or none completed) by the deadline.
   */
  private Optional<JsonNode> awaitRecording(
      TwilioAccount account,
      String callId,
      Instant deadline,
      ResolvedConnection phone,
      SecretMasker masker) {
    Duration interval = settings.pollInterval();
    while (true) {
      JsonNode recordings =
          twilio
              .get(account, "/Calls/" + callId + "/Recordings.json", phone, masker)
              .path("recordings");
      boolean pending = false;
      for (JsonNode recording : recordings) {
        String status = recording.path("status").asText("");
        if (status.equals("completed")) {
          return Optional.of(recording);
        }
        pending |= status.equals("processing") || status.equals("in-progress");
      }
      if (!(pending || recordings.isEmpty())
          || !clock.instant().plus(interval).isBefore(deadline)) {
        return Optional.empty();
      }
      interval = waitFor(interval, callId, masker);
    }
  }

  /** Pauses for {@code interval}; the next one, doubled up to the settings' maximum. */
  private Duration waitFor(Duration interval, String callId, SecretMasker masker) {
    try {
      pause.pause(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw JobFailures.timeout("call " + callId + " (the worker was interrupted)", masker);
    }
    Duration next = interval.multipliedBy(2);
    return next.compareTo(settings.maxPollInterval()) > 0 ? settings.maxPollInterval() : next;
  }

  /** Ends a call still running at the deadline; a failure to do so does not hide the result. */
  private void hangUp(
      TwilioAccount account, String callId, ResolvedConnection phone, SecretMasker masker) {
    try {
      twilio.postForm(
          account, "/Calls/" + callId + ".json", Map.of("Status", "completed"), phone, masker);
    } catch (ConnectorException e) {
      LOG.warn("could not hang up call {} at the deadline: {}", callId, e.getMessage());
    }
  }

  private static String sid(JsonNode resource, String what, SecretMasker masker) {
    String sid = resource.path("sid").asText("");
    if (!sid.matches(SID)) {
      throw JobFailures.rejected(
          "INVALID_RESPONSE", "Twilio answered without a valid " + what + " sid", masker);
    }
    return sid;
  }

  /** Twilio's {@code duration} (seconds, sent as text); null when absent. */
  private static Integer seconds(JsonNode resource) {
    String duration = resource.path("duration").asText("");
    return duration.matches("\\d{1,9}") ? Integer.valueOf(duration) : null;
  }

  private static String sender(VoiceCallRequest request, ResolvedConnection phone) {
    if (request.from() != null && !request.from().isBlank()) {
      return request.from();
    }
    return SenderNumber.configured(phone)
        .orElseThrow(
            () ->
                new ConnectorInputException(
                    "no caller id: set 'from' on the task or '"
                        + SenderNumber.FIELD
                        + "' on the integration of connection '"
                        + phone.key()
                        + "'"));
  }

  /** How the service waits between two reads of a call; {@link Thread#sleep} in the runtime. */
  @FunctionalInterface
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }
}
