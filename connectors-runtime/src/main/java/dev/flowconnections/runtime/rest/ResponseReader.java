package dev.flowconnections.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.worker.SecretMasker;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns an HTTP response into a {@link RestResponse} with every credential masked. */
final class ResponseReader {

  private final ObjectMapper json;

  ResponseReader(ObjectMapper json) {
    this.json = json;
  }

  RestResponse read(RestHttpClient.ReceivedResponse response, SecretMasker masker) {
    Map<String, String> headers = new LinkedHashMap<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":")) { // HTTP/2 pseudo headers such as :status
                headers.put(masker.mask(name), masker.mask(String.join(", ", values)));
              }
            });
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    return new RestResponse(
        response.statusCode(), headers, body(response.body(), contentType, masker));
  }

  private Object body(String text, String contentType, SecretMasker masker) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    // Masked before parsing and again after: the raw text catches secrets as sent, the parsed
    // value catches them when the JSON spelled them with escapes.
    String masked = masker.mask(text);
    if (!isJson(contentType)) {
      return masked;
    }
    try {
      return masker.maskJson(json.readValue(masked, Object.class));
    } catch (JsonProcessingException e) {
      return masked; // says JSON, is not: hand over the text rather than fail the task
    }
  }

  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }
}
