package dev.flowconnections.runtime.email;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ProviderUrls;
import dev.flowconnections.runtime.worker.WorkerConnections;

/**
 * SendGrid's v3 API as a connection reaches it. {@link #toString()} hides the key.
 *
 * @param baseUrl {@value #DEFAULT_BASE_URL} unless the integration overrides it
 */
record SendGridAccount(String baseUrl, String apiKey) {

  static final String DEFAULT_BASE_URL = "https://api.sendgrid.com";

  static SendGridAccount of(ResolvedConnection connection) {
    try {
      return new SendGridAccount(
          ProviderUrls.baseUrl(connection, DEFAULT_BASE_URL),
          connection.requireText(FieldCatalog.API_KEY));
    } catch (ConnectionResolutionException e) {
      throw WorkerConnections.configurationProblem(e);
    }
  }

  String bearer() {
    return "Bearer " + apiKey;
  }

  @Override
  public String toString() {
    return "SendGridAccount[" + baseUrl + ", key hidden]";
  }
}
