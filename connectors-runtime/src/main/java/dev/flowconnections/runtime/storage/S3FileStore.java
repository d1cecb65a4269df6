package dev.flowconnections.runtime.storage;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.network.OutboundAddressPolicy;
import dev.flowconnections.runtime.worker.AwsConnections;
import dev.flowconnections.runtime.worker.AwsRetryAfter;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.SecretMasker;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files in one S3 bucket (AWS or an S3-compatible store) through the AWS SDK v2, one client per
 * job. The SDK does not retry (the job's retries do), and checksums are only sent where S3 requires
 * them: many S3-compatible stores refuse the SDK's newer default checksum trailers.
 */
final class S3FileStore implements FileStore {

  private final S3Account account;
  private final ResolvedConnection connection;
  private final SecretMasker masker;
  private final S3Client s3;

  S3FileStore(
      S3Account account, ResolvedConnection connection, SecretMasker masker, Duration timeout) {
    this.account = account;
    this.connection = connection;
    this.masker = masker;
    this.s3 = client(account, timeout);
  }

  @Override
  public String describe() {
    return account.describe();
  }

  @Override
  public SecretMasker masker() {
    return masker;
  }

  @Override
  public Listing list(String path, int maxResults) {
    String prefix = key(path);
    ListObjectsV2Response response =
        call(
            "ListObjectsV2",
            prefix,
            () ->
                s3.listObjectsV2(
                    b ->
                        b.bucket(account.bucket())
                            .prefix(prefix.isEmpty() ? null : prefix)
                            .maxKeys(maxResults)));
    List<StorageItem> items = response.contents().stream().map(S3FileStore::item).toList();
    return new Listing(items, Boolean.TRUE.equals(response.isTruncated()));
  }

  private static StorageItem item(S3Object object) {
    String key = object.key();
    String name = key.substring(key.lastIndexOf('/', key.length() - 2) + 1);
    return new StorageItem(
        name,
        key,
        key.endsWith("/"),
        object.size(),
        object.lastModified() == null ? null : object.lastModified().toString());
  }

  @Override
  public String upload(String path, Upload upload) {
    String key = key(path);
    RequestBody body =
        RequestBody.fromContentProvider(
            once(upload.content()), upload.length(), upload.contentType());
    call(
        "PutObject",
        key,
        () ->
            s3.putObject(
                b ->
                    b.bucket(account.bucket())
                        .key(key)
                        .contentType(upload.contentType())
                        .contentLength(upload.length()),
                body));
    return key;
  }

  @Override
  public Download download(String path) {
    String key = key(path);
    ResponseInputStream<GetObjectResponse> content =
        call("GetObject", key, () -> s3.getObject(b -> b.bucket(account.bucket()).key(key)));
    GetObjectResponse response = content.response();
    String name = key.substring(key.lastIndexOf('/') + 1);
    return new Download(
        content,
        response.contentLength() == null ? -1 : response.contentLength(),
        name,
        response.contentType());
  }

  @Override
  public void delete(String path) {
    String key = key(path);
    call("DeleteObject", key, () -> s3.deleteObject(b -> b.bucket(account.bucket()).key(key)));
  }

  @Override
  public String verify() {
    call("ListObjectsV2", "", () -> s3.listObjectsV2(b -> b.bucket(account.bucket()).maxKeys(1)));
    return describe() + " listed with access key " + account.accessKeyId();
  }

  @Override
  public void close() {
    s3.close();
  }

  /** Keys are relative to the bucket; a leading slash would become part of the key. */
  private static String key(String path) {
    return path == null ? "" : path.replaceFirst("^/+", "");
  }

  /** The upload's stream, once: a second read (an SDK retry) would send a truncated file. */
  private static ContentStreamProvider once(InputStream content) {
    AtomicBoolean used = new AtomicBoolean();
    return () -> {
      if (used.getAndSet(true)) {
        throw new IllegalStateException("the upload's content can be read only once");
      }
      return content;
    };
  }

  private <T> T call(String action, String key, Supplier<T> work) {
    try {
      return work.get();
    } catch (AwsServiceException e) {
      throw refused(e, action, key);
    } catch (SdkException e) { // no answer: unreachable endpoint, timeout, cut stream
      throw JobFailures.unreachable(action + " to " + account.describe(), e, masker);
    }
  }

  private RuntimeException refused(AwsServiceException e, String action, String key) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String detail = (code == null ? "HTTP " + e.statusCode() : code) + ": " + message(e);
    if (e.statusCode() == 401 || (e.statusCode() == 403 && !"AccessDenied".equals(code))) {
      // InvalidAccessKeyId, SignatureDoesNotMatch, ExpiredToken ...
      return JobFailures.credentialsRejected(account.describe(), connection, detail, masker);
    }
    if (JobFailures.isUnavailable(
        e.statusCode())) { // throttled or failing, after the SDK's own retries
      return JobFailures.unavailable(
          e.statusCode(),
          account.describe() + " answered " + action + " of '" + key + "' with " + detail,
          AwsRetryAfter.of(e),
          masker);
    }
    if ("NoSuchBucket".equals(code)) {
      return JobFailures.connectionProblem(
          masker.mask(
              account.describe()
                  + " does not exist (connection '"
                  + connection.key()
                  + "' in "
                  + connection.environment()
                  + ")"));
    }
    if (e.statusCode() == 404) {
      return JobFailures.rejected(
          FileStore.NOT_FOUND,
          account.describe() + " has no object '" + key + "' (" + detail + ")",
          masker);
    }
    return JobFailures.rejected(
        code == null ? String.valueOf(e.statusCode()) : code,
        account.describe()
            + " refused "
            + action
            + " of '"
            + key
            + "' (HTTP "
            + e.statusCode()
            + ") "
            + detail,
        masker);
  }

  /** S3's own message, without the SDK's suffix (service, status, request id). */
  private static String message(AwsServiceException e) {
    return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
        ? e.awsErrorDetails().errorMessage()
        : "no message";
  }

  private static S3Client client(S3Account account, Duration timeout) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(account.region())
            .credentialsProvider(
                AwsConnections.credentials(account.accessKeyId(), account.secretAccessKey()))
            .httpClientBuilder(AwsConnections.httpClient(timeout))
            .forcePathStyle(account.pathStyle())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    if (account.endpointOverride() != null) {
      OutboundAddressPolicy.current().check(account.endpointOverride());
      builder.endpointOverride(account.endpointOverride());
    }
    return builder.build();
  }
}
