package dev.flowconnections.runtime.worker;

import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.resolution.ResolvedConnection;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** What every AWS worker (SNS, S3) reads from its connection and gives its SDK client. */
public final class AwsConnections {

  private AwsConnections() {}

  /** The connection's {@code region}, checked to look like an AWS region. */
  public static Region region(ResolvedConnection connection) {
    String region = connection.requireText("region").strip();
    if (!region.matches("[a-z0-9-]{2,32}")) {
      throw new ConnectionProblem(
          "connection '"
              + connection.key()
              + "' has a 'region' in "
              + connection.environment()
              + " that is not an AWS region such as eu-central-1");
    }
    return Region.of(region);
  }

  /** The integration's {@code baseUrl}; null for AWS's own endpoint of the region. */
  public static URI endpointOverride(ResolvedConnection connection) {
    return connection
        .text(FieldCatalog.BASE_URL)
        .filter(s -> !s.isBlank())
        .map(s -> URI.create(ProviderUrls.baseUrl(connection, s)))
        .orElse(null);
  }

  public static AwsCredentialsProvider credentials(String accessKeyId, String secretAccessKey) {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(accessKeyId, secretAccessKey));
  }

  /** An HTTP client that waits at most {@code timeout}, and less for the connection itself. */
  public static UrlConnectionHttpClient.Builder httpClient(Duration timeout) {
    Duration connectTimeout =
        timeout.compareTo(ProviderHttp.CONNECT_TIMEOUT) < 0
            ? timeout
            : ProviderHttp.CONNECT_TIMEOUT;
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(connectTimeout)
        .socketTimeout(timeout);
  }
}
