package dev.flowconnections.runtime.worker;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.resolution.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The API base URL of a provider: the integration's {@code baseUrl} override, or the provider's
 * own.
 */
public final class ProviderUrls {

  private ProviderUrls() {}

  /** An absolute http(s) URL without a trailing slash, so paths can be appended as they are. */
  public static String baseUrl(ResolvedConnection connection, String providerDefault) {
    String configured =
        connection
            .text(FieldCatalog.BASE_URL)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElse(providerDefault);
    try {
      URI uri = new URI(configured);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getRawAuthority() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw invalid(connection);
      }
    } catch (URISyntaxException e) {
      throw invalid(connection);
    }
    return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
  }

  private static ConnectorInputException invalid(ResolvedConnection connection) {
    return new ConnectionProblem(
        "connection '"
            + connection.key()
            + "' has a '"
            + FieldCatalog.BASE_URL
            + "' in "
            + connection.environment()
            + " that is not an absolute http(s) URL without query");
  }
}
