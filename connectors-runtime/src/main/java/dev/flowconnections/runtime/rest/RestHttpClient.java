package dev.flowconnections.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.network.OutboundHttpClients;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;

/**
 * Sends calls with {@link java.net.http.HttpClient}. Redirects are not followed: a redirect to
 * another host would carry the connection's credentials there; a 3xx is returned to the process as
 * a non-2xx status instead.
 */
final class RestHttpClient {

  private static final String CONTENT_TYPE = "Content-Type";

  private final ObjectMapper json;
  private final long maxResponseBytes;

  RestHttpClient(ObjectMapper json, long maxResponseBytes) {
    this.json = json;
    this.maxResponseBytes = maxResponseBytes;
  }

  ReceivedResponse send(RestRequest task, URI uri, OutgoingRequest outgoing, SecretMasker masker) {
    HttpRequest request = build(task, uri, outgoing);
    OutboundAddressPolicy.current().check(uri); // before any connection is attempted
    try {
      HttpResponse<InputStream> response =
          OutboundHttpClients.shared(task.connectionTimeout())
              .send(request, BodyHandlers.ofInputStream());
      // A HEAD answer declares the length of a body it does not send: nothing to read or limit.
      String body =
          task.method() == HttpMethod.HEAD
              ? LimitedBody.discard(response.body())
              : LimitedBody.read(response.body(), response.headers(), maxResponseBytes);
      return new ReceivedResponse(response.statusCode(), response.headers(), body);
    } catch (LimitedBody.TooLarge e) {
      throw RestFailures.responseTooLarge(
          task.method(), task.displayPath(), maxResponseBytes, masker);
    } catch (HttpTimeoutException e) {
      throw JobFailures.timeout(task.method() + " " + task.displayPath(), masker);
    } catch (IOException e) {
      throw JobFailures.unreachable(task.method() + " " + task.displayPath(), e, masker);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw JobFailures.unreachable(task.method() + " " + task.displayPath(), e, masker);
    }
  }

  private HttpRequest build(RestRequest task, URI uri, OutgoingRequest outgoing) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(task.readTimeout());
    outgoing
        .headers()
        .forEach(
            (name, value) -> {
              try {
                builder.header(name, value);
              } catch (IllegalArgumentException e) {
                // The JDK refuses restricted (Host, Content-Length, ...) and malformed headers;
                // name only.
                throw new ConnectorInputException(
                    "header '" + name + "' cannot be sent: restricted name or invalid value");
              }
            });
    Payload payload = payload(task.body());
    if (payload.contentType() != null && !outgoing.hasHeader(CONTENT_TYPE)) {
      builder.header(CONTENT_TYPE, payload.contentType());
    }
    return builder.method(task.method().name(), payload.publisher()).build();
  }

  /** Text goes out as it is; any other JSON value (object, array, number, boolean) as JSON. */
  private Payload payload(Object body) {
    if (body == null) {
      return new Payload(BodyPublishers.noBody(), null);
    }
    if (body instanceof String text) {
      return new Payload(BodyPublishers.ofString(text), "text/plain; charset=UTF-8");
    }
    try {
      return new Payload(
          BodyPublishers.ofString(json.writeValueAsString(body)), "application/json");
    } catch (JsonProcessingException e) {
      throw new ConnectorInputException("body cannot be written as JSON");
    }
  }

  private record Payload(BodyPublisher publisher, String contentType) {}

  /** Status, headers and the body read within the limit. */
  record ReceivedResponse(int statusCode, HttpHeaders headers, String body) {}
}
