package dev.flowconnections.runtime.sms;

import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.AwsConnections;
import dev.flowconnections.runtime.worker.WorkerConnections;
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
      return new SnsAccount(
          AwsConnections.region(connection),
          AwsConnections.endpointOverride(connection),
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
