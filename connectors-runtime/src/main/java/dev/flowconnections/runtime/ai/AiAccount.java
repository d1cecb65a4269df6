package dev.flowconnections.runtime.ai;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ProviderUrls;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An AI provider account as a connection reaches it: provider, API base URL (the provider's own
 * unless the integration overrides it) and the headers that authenticate. The key goes where the
 * provider documents it (Bearer, {@code x-api-key}, {@code x-goog-api-key}), whether the
 * integration uses the API key or the Bearer scheme; with custom headers, exactly those are sent
 * instead (for a gateway in front of the provider). {@link #toString()} hides the header values.
 */
public record AiAccount(
    AiProvider provider,
    String baseUrl,
    Map<String, String> headers,
    Optional<String> defaultModel) {

  static final String DEFAULT_MODEL = "defaultModel";

  /**
   * Sets the headers that authenticate this account on {@code request}; one the HTTP client
   * reserves (Host, Connection, ...) cannot be sent, which the connection's settings must fix.
   */
  public HttpRequest.Builder authorize(HttpRequest.Builder request, ResolvedConnection connection) {
    headers.forEach(
        (name, value) -> {
          try {
            request.setHeader(name, value);
          } catch (IllegalArgumentException e) {
            throw new ConnectorInputException(
                "connection '"
                    + connection.key()
                    + "' sets the header '"
                    + name
                    + "' in "
                    + connection.environment()
                    + ", which cannot be sent");
          }
        });
    return request;
  }

  public static AiAccount of(ResolvedConnection connection) {
    AiProvider provider = AiProvider.of(connection);
    if (provider.defaultBaseUrl() == null
        && connection.text(FieldCatalog.BASE_URL).filter(s -> !s.isBlank()).isEmpty()) {
      throw new ConnectorInputException(
          "connection '"
              + connection.key()
              + "' has no '"
              + FieldCatalog.BASE_URL
              + "' in "
              + connection.environment()
              + "; "
              + provider.label()
              + " needs the URL of its server");
    }
    String baseUrl = ProviderUrls.baseUrl(connection, provider.defaultBaseUrl());
    Map<String, String> headers = new LinkedHashMap<>(provider.fixedHeaders());
    try {
      switch (connection.authScheme()) {
        case API_KEY ->
            headers.putAll(provider.keyHeaders(connection.requireText(FieldCatalog.API_KEY)));
        case BEARER ->
            headers.putAll(provider.keyHeaders(connection.requireText(FieldCatalog.TOKEN)));
        case CUSTOM_HEADERS -> headers.putAll(connection.requireSecretMap(FieldCatalog.HEADERS));
        case NONE -> {}
        default ->
            throw new ConnectorInputException(
                "connection '"
                    + connection.key()
                    + "' uses "
                    + connection.authScheme()
                    + ", which AI providers do not take");
      }
    } catch (ConnectionResolutionException e) {
      throw WorkerConnections.configurationProblem(e);
    }
    Optional<String> model =
        connection.text(DEFAULT_MODEL).map(String::strip).filter(s -> !s.isEmpty());
    return new AiAccount(provider, baseUrl, Map.copyOf(headers), model);
  }

  /** How messages name the account: provider and, when not the provider's own, the URL. */
  public String describe() {
    return baseUrl.equals(provider.defaultBaseUrl())
        ? provider.label()
        : provider.label() + " at " + baseUrl;
  }

  @Override
  public String toString() {
    return "AiAccount["
        + provider
        + ", "
        + baseUrl
        + ", headers "
        + headers.keySet()
        + " (values hidden)]";
  }
}
