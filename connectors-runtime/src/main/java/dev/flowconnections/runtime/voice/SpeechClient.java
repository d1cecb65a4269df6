package dev.flowconnections.runtime.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.ai.AiAccount;
import dev.flowconnections.runtime.ai.AiProvider;
import dev.flowconnections.runtime.ai.AiRefusals;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorInputException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-to-speech and transcription with an AI Provider connection: OpenAI ({@code
 * /v1/audio/speech}, {@code /v1/audio/transcriptions}) and Google Gemini ({@code generateContent}
 * with the AUDIO response modality, and with the recording as inline audio). Answers fail in the
 * workers' vocabulary: 401/403 are an incident naming the connection, 429/5xx are retried after
 * {@code Retry-After}, others are coded with the status.
 */
final class SpeechClient {

  static final String OPENAI_SPEECH_MODEL = "gpt-4o-mini-tts";
  static final String OPENAI_VOICE = "alloy";
  static final String OPENAI_TRANSCRIPTION_MODEL = "gpt-4o-mini-transcribe";
  static final String GEMINI_SPEECH_MODEL = "gemini-2.5-flash-preview-tts";
  static final String GEMINI_VOICE = "Kore";
  static final String GEMINI_TRANSCRIPTION_MODEL = "gemini-2.5-flash";

  static final String TRANSCRIBE_PROMPT =
      "Transcribe this phone call recording word for word. Answer with the transcript only.";

  /** OpenAI's limit for one transcription upload, and far more than a short message's speech. */
  static final long MAX_AUDIO_BYTES = 25L * 1024 * 1024;

  private static final Pattern PCM_RATE = Pattern.compile("rate=(\\d{4,6})");

  private final ProviderHttp http;
  private final ObjectMapper json;
  private final SecureRandom random = new SecureRandom();

  SpeechClient(ProviderHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  /** Whether this worker speaks and transcribes with {@code provider}. */
  static boolean supports(AiProvider provider) {
    return provider == AiProvider.OPENAI || provider == AiProvider.GOOGLE;
  }

  SpeechAudio synthesize(
      AiAccount account,
      String text,
      String model,
      String voice,
      ResolvedConnection connection,
      SecretMasker masker) {
    return switch (account.provider()) {
      case OPENAI -> {
        ObjectNode body = json.createObjectNode();
        body.put("model", or(model, OPENAI_SPEECH_MODEL));
        body.put("input", text);
        body.put("voice", or(voice, OPENAI_VOICE));
        body.put("response_format", "mp3");
        HttpResponse<byte[]> response =
            send(
                account,
                "/v1/audio/speech",
                jsonBody(body),
                "application/json",
                connection,
                masker);
        checked(account, response, connection, masker);
        yield new SpeechAudio(response.body(), "audio/mpeg");
      }
      case GOOGLE -> {
        ObjectNode body = json.createObjectNode();
        body.putArray("contents").addObject().putArray("parts").addObject().put("text", text);
        ObjectNode config = body.putObject("generationConfig");
        config.putArray("responseModalities").add("AUDIO");
        config
            .putObject("speechConfig")
            .putObject("voiceConfig")
            .putObject("prebuiltVoiceConfig")
            .put("voiceName", or(voice, GEMINI_VOICE));
        JsonNode answer =
            parse(
                account,
                checked(
                    account,
                    send(
                        account,
                        geminiPath(or(model, GEMINI_SPEECH_MODEL)),
                        jsonBody(body),
                        "application/json",
                        connection,
                        masker),
                    connection,
                    masker),
                masker);
        JsonNode audio = null;
        for (JsonNode part : answer.path("candidates").path(0).path("content").path("parts")) {
          if (part.has("inlineData")) {
            audio = part.get("inlineData");
            break;
          }
        }
        if (audio == null || !audio.path("data").isTextual()) {
          throw invalid(account, "no audio in its answer", masker);
        }
        byte[] pcm;
        try {
          pcm = Base64.getDecoder().decode(audio.path("data").asText());
        } catch (IllegalArgumentException e) {
          throw invalid(account, "audio that is not base64", masker);
        }
        Matcher rate = PCM_RATE.matcher(audio.path("mimeType").asText(""));
        yield new SpeechAudio(
            wav(pcm, rate.find() ? Integer.parseInt(rate.group(1)) : 24_000), "audio/wav");
      }
      default -> throw unsupported(account);
    };
  }

  /**
   * @param language a language tag (en-US); OpenAI gets its ISO-639-1 part, Gemini the prompt's
   */
  String transcribe(
      AiAccount account,
      SpeechAudio recording,
      String model,
      String language,
      ResolvedConnection connection,
      SecretMasker masker) {
    return switch (account.provider()) {
      case OPENAI -> {
        String boundary = "flow-" + HexFormat.of().formatHex(randomBytes(12));
        Multipart form = new Multipart(boundary);
        form.field("model", or(model, OPENAI_TRANSCRIPTION_MODEL));
        form.field("response_format", "json");
        if (language != null && !language.isBlank()) {
          form.field("language", language.strip().split("-")[0].toLowerCase(Locale.ROOT));
        }
        form.file("file", "recording.wav", recording.contentType(), recording.bytes());
        JsonNode answer =
            parse(
                account,
                checked(
                    account,
                    send(
                        account,
                        "/v1/audio/transcriptions",
                        BodyPublishers.ofByteArray(form.finish()),
                        "multipart/form-data; boundary=" + boundary,
                        connection,
                        masker),
                    connection,
                    masker),
                masker);
        if (!answer.path("text").isTextual()) {
          throw invalid(account, "no text in its transcription", masker);
        }
        yield answer.get("text").asText();
      }
      case GOOGLE -> {
        ObjectNode body = json.createObjectNode();
        var parts = body.putArray("contents").addObject().putArray("parts");
        parts
            .addObject()
            .put(
                "text",
                TRANSCRIBE_PROMPT
                    + (language == null || language.isBlank()
                        ? ""
                        : " The call's language is " + language.strip() + "."));
        parts
            .addObject()
            .putObject("inlineData")
            .put("mimeType", recording.contentType())
            .put("data", Base64.getEncoder().encodeToString(recording.bytes()));
        JsonNode answer =
            parse(
                account,
                checked(
                    account,
                    send(
                        account,
                        geminiPath(or(model, GEMINI_TRANSCRIPTION_MODEL)),
                        jsonBody(body),
                        "application/json",
                        connection,
                        masker),
                    connection,
                    masker),
                masker);
        StringBuilder text = new StringBuilder();
        for (JsonNode part : answer.path("candidates").path(0).path("content").path("parts")) {
          text.append(part.path("text").asText(""));
        }
        yield text.toString().strip();
      }
      default -> throw unsupported(account);
    };
  }

  static ConnectorInputException unsupported(AiAccount account) {
    return new ConnectorInputException(
        account.provider().label()
            + " has no speech API this worker uses; the Voice Call node speaks and transcribes"
            + " with OpenAI or Google Gemini connections");
  }

  private static String geminiPath(String model) {
    return "/v1beta/models/" + model + ":generateContent";
  }

  private HttpResponse<byte[]> send(
      AiAccount account,
      String path,
      HttpRequest.BodyPublisher body,
      String contentType,
      ResolvedConnection connection,
      SecretMasker masker) {
    URI uri = URI.create(account.baseUrl() + path);
    HttpRequest.Builder request =
        ProviderHttp.request(uri).header("Content-Type", contentType).POST(body);
    account.authorize(request, connection);
    return http.sendForBytes(request.build(), "POST " + uri, MAX_AUDIO_BYTES, masker);
  }

  private HttpRequest.BodyPublisher jsonBody(JsonNode body) {
    return BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
  }

  private byte[] checked(
      AiAccount account,
      HttpResponse<byte[]> response,
      ResolvedConnection connection,
      SecretMasker masker) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    throw AiRefusals.of(
        account,
        status,
        new String(response.body(), StandardCharsets.UTF_8),
        response.headers(),
        connection,
        masker);
  }

  private JsonNode parse(AiAccount account, byte[] body, SecretMasker masker) {
    try {
      return json.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
    } catch (java.io.IOException e) {
      throw invalid(account, "something that is not JSON", masker);
    }
  }

  private static RuntimeException invalid(AiAccount account, String what, SecretMasker masker) {
    return JobFailures.rejected(
        "INVALID_RESPONSE", account.describe() + " answered with " + what, masker);
  }

  private byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /** 16-bit little-endian mono PCM (what Gemini speaks) in a WAV container Twilio can play. */
  static byte[] wav(byte[] pcm, int sampleRate) {
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
    header.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    header.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    header.putShort((short) 1).putShort((short) 1); // PCM, mono
    header.putInt(sampleRate).putInt(sampleRate * 2); // byte rate
    header.putShort((short) 2).putShort((short) 16); // block align, bits per sample
    header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length);
    ByteArrayOutputStream wav = new ByteArrayOutputStream(44 + pcm.length);
    wav.writeBytes(header.array());
    wav.writeBytes(pcm);
    return wav.toByteArray();
  }

  /** A multipart/form-data body, built in memory (a recording of a short call). */
  private static final class Multipart {
    private final String boundary;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart(String boundary) {
      this.boundary = boundary;
    }

    void field(String name, String value) {
      text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
      text(value + "\r\n");
    }

    void file(String name, String fileName, String contentType, byte[] content) {
      text(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\"; filename=\""
              + fileName
              + "\"\r\nContent-Type: "
              + contentType
              + "\r\n\r\n");
      body.writeBytes(content);
      text("\r\n");
    }

    byte[] finish() {
      text("--" + boundary + "--\r\n");
      return body.toByteArray();
    }

    private void text(String text) {
      body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
