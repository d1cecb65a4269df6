package dev.flowconnections.runtime.sms;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ProviderUrls;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import software.amazon.awssdk.regions.Region;

/**
 * An AWS account's SNS in one region, as a connection reaches it. {@link #toString()} hides the
 * secret access key.
 *
 * @param endpointOverride the integration's {@code baseUrl}; null for AWS's own endpoint of the
 *     region
 */
record SnsAccount(Region region, URI endpointOverride, String accessKeyId, String secretAccessKey) {

  static SnsAccount of(ResolvedConnection connection) {
    try {
      String region = connection.requireText("region").strip();
      if (!region.matches("[a-z0-9-]{2,32}")) {
        throw new ConnectorInputException(
            "connection '"
                + connection.key()
                + "' has a 'region' in "
                + connection.environment()
                + " that is not an AWS region such as eu-central-1");
      }
      URI endpoint =
          connection
              .text(FieldCatalog.BASE_URL)
              .filter(s -> !s.isBlank())
              .map(s -> URI.create(ProviderUrls.baseUrl(connection, s)))
              .orElse(null);
      return new SnsAccount(
          Region.of(region),
          endpoint,
          connection.requireText("accessKeyId").strip(),
          connection.requireText("secretAccessKey"));
    } catch (ConnectionResolutionException e) {
      throw WorkerConnections.configurationProblem(e);
    }
  }

  /** How messages name the service: region and, when overridden, the endpoint. */
  String describe() {
    return "AWS SNS in "
        + region.id()
        + (endpointOverride == null ? "" : " at " + endpointOverride);
  }

  @Override
  public String toString() {
    return "SnsAccount["
        + region.id()
        + ", "
        + endpointOverride
        + ", "
        + accessKeyId
        + ", secret hidden]";
  }
}
