package dev.flowconnections.runtime.voice;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A local stand-in of Twilio's Calls API for one account: places call {@value #CALL_SID}, answers
 * its status from a script (the last status repeats), lists one recording and serves its audio.
 */
final class FakeTwilioVoice implements AutoCloseable {

  static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";
  static final String RECORDING_SID = "RE0123456789abcdef0123456789abcdef";
  static final String ACCOUNT = "/2010-04-01/Accounts/" + VoiceTestFixture.ACCOUNT_SID;
  static final String RECORDING_AUDIO = "RIFF-recorded-answer-wav";

  final RecordingHttpServer server = RecordingHttpServer.start();
  private final ConcurrentLinkedDeque<String> statuses = new ConcurrentLinkedDeque<>();
  volatile String duration = "21";
  volatile String recordings =
      "{\"recordings\":[{\"sid\":\""
          + RECORDING_SID
          + "\",\"status\":\"completed\",\"duration\":\"14\"}]}";

  /** Runs when the call is placed, e.g. to fetch the audio its TwiML plays, as Twilio would. */
  volatile Consumer<RecordedRequest> onPlaced = request -> {};

  FakeTwilioVoice(String... statuses) {
    this.statuses.addAll(List.of(statuses));
    server.respond(this::answer);
  }

  String baseUrl() {
    return server.baseUrl();
  }

  private Reply answer(RecordedRequest request) {
    String path = request.rawPath();
    if (request.method().equals("POST") && path.equals(ACCOUNT + "/Calls.json")) {
      onPlaced.accept(request);
      return Reply.json(201, "{\"sid\":\"" + CALL_SID + "\",\"status\":\"queued\"}");
    }
    if (request.method().equals("POST") && path.equals(ACCOUNT + "/Calls/" + CALL_SID + ".json")) {
      return Reply.json(200, "{\"sid\":\"" + CALL_SID + "\",\"status\":\"completed\"}");
    }
    if (path.equals(ACCOUNT + "/Calls/" + CALL_SID + ".json")) {
      String status = statuses.size() > 1 ? statuses.poll() : statuses.peek();
      return Reply.json(
          200,
          "{\"sid\":\""
              + CALL_SID
              + "\",\"status\":\""
              + status
              + "\",\"duration\":"
              + (status.equals("completed") ? "\"" + duration + "\"" : "null")
              + "}");
    }
    if (path.equals(ACCOUNT + "/Calls/" + CALL_SID + "/Recordings.json")) {
      return Reply.json(200, recordings);
    }
    if (path.equals(ACCOUNT + "/Recordings/" + RECORDING_SID + ".wav")) {
      return new Reply(200, Map.of("Content-Type", "audio/x-wav"), RECORDING_AUDIO);
    }
    return Reply.json(404, "{\"code\":20404,\"message\":\"not found\"}");
  }

  /** The requests of the call, in order, as "METHOD path". */
  List<String> calls() {
    return server.requests().stream().map(r -> r.method() + " " + r.rawPath()).toList();
  }

  RecordedRequest placed() {
    return server.requests().stream()
        .filter(r -> r.method().equals("POST") && r.rawPath().endsWith("/Calls.json"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no call was placed"));
  }

  static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8),
                (a, b) -> b,
                java.util.LinkedHashMap::new));
  }

  @Override
  public void close() {
    server.close();
  }
}
