package dev.flowconnections.runtime.storage;

import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.AwsConnections;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.WorkerConnections;
import java.net.URI;
import software.amazon.awssdk.regions.Region;

/**
 * A bucket as a connection reaches it. {@link #toString()} hides the secret access key.
 *
 * @param endpointOverride the integration's {@code baseUrl} (an S3-compatible store); null for AWS
 * @param pathStyle address the bucket in the path ({@code /bucket/key}) rather than the host name,
 *     which most S3-compatible stores need
 */
record S3Account(
    Region region,
    URI endpointOverride,
    boolean pathStyle,
    String bucket,
    String accessKeyId,
    String secretAccessKey) {

  static S3Account of(ResolvedConnection connection) {
    try {
      Region region = AwsConnections.region(connection);
      String bucket = connection.requireText("bucket").strip();
      if (!bucket.matches("[a-zA-Z0-9._-]{3,255}")) {
        throw JobFailures.connectionProblem(
            "connection \'"
                + connection.key()
                + "' has a 'bucket' in "
                + connection.environment()
                + " that is not an S3 bucket name");
      }
      URI endpoint = AwsConnections.endpointOverride(connection);
      boolean pathStyle =
          connection
              .text("pathStyleAccess")
              .map(String::strip)
              .map(Boolean::parseBoolean)
              .orElse(false);
      return new S3Account(
          region,
          endpoint,
          pathStyle,
          bucket,
          connection.requireText("accessKeyId").strip(),
          connection.requireText("secretAccessKey"));
    } catch (ConnectionResolutionException e) {
      throw WorkerConnections.configurationProblem(e);
    }
  }

  String describe() {
    return "Amazon S3 bucket '"
        + bucket
        + "' in "
        + region.id()
        + (endpointOverride == null ? "" : " at " + endpointOverride);
  }

  @Override
  public String toString() {
    return "S3Account["
        + region.id()
        + ", "
        + endpointOverride
        + ", "
        + bucket
        + ", "
        + accessKeyId
        + ", secret hidden]";
  }
}
