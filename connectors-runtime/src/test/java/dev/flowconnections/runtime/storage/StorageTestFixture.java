package dev.flowconnections.runtime.storage;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.oauth2.OAuth2AccessTokens;
import dev.flowconnections.runtime.oauth2.TokenEndpointClient;
import dev.flowconnections.runtime.testsupport.StaticResolver;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * A storage worker with one Storage connection (key {@value #KEY}) that a fixed resolver hands out.
 */
final class StorageTestFixture {

  static final String KEY = "team-files";
  static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String BUCKET = "team-files";
  static final String TOKEN = "ya29.dev-drive-token-0123456789";

  final StaticResolver resolver = new StaticResolver();

  /** One per fixture, as the runtime has one: tokens are cached across jobs. */
  private final StorageAccessTokens accessTokens = accessTokens();

  StorageLimits limits = StorageLimits.defaults();

  StorageTestFixture s3(String endpoint, String secretAccessKey) {
    return s3(endpoint, BUCKET, secretAccessKey);
  }

  StorageTestFixture s3(String endpoint, String bucket, String secretAccessKey) {
    resolver.connection(
        KEY,
        IntegrationType.STORAGE,
        new LinkedHashMap<>(
            Map.of(
                "provider",
                "AMAZON_S3",
                "baseUrl",
                endpoint,
                "region",
                "eu-central-1",
                "bucket",
                bucket,
                "pathStyleAccess",
                "true",
                "accessKeyId",
                ACCESS_KEY_ID)),
        Map.of("secretAccessKey", secretAccessKey));
    return this;
  }

  /** Google Drive, OneDrive or Box at {@code baseUrl} with a bearer token. */
  StorageTestFixture bearer(
      StorageProvider provider, String baseUrl, String token, Map<String, Object> extra) {
    Map<String, Object> settings =
        new LinkedHashMap<>(Map.of("provider", provider.name(), "baseUrl", baseUrl));
    settings.putAll(extra);
    resolver.connection(
        KEY, IntegrationType.STORAGE, AuthScheme.BEARER, settings, Map.of("token", token));
    return this;
  }

  /**
   * Google Drive, OneDrive or Box at {@code baseUrl}, with tokens from an OAuth2 client-credentials
   * grant.
   */
  StorageTestFixture oauth2(
      StorageProvider provider,
      String baseUrl,
      Map<String, Object> oauth2Settings,
      String clientSecret) {
    Map<String, Object> settings =
        new LinkedHashMap<>(Map.of("provider", provider.name(), "baseUrl", baseUrl));
    settings.putAll(oauth2Settings);
    resolver.connection(
        KEY,
        IntegrationType.STORAGE,
        AuthScheme.OAUTH2,
        settings,
        Map.of("clientSecret", clientSecret));
    return this;
  }

  StorageTestFixture limits(DataSize maxVariableSize, DataSize maxFileSize) {
    this.limits = new StorageLimits(maxVariableSize, maxFileSize);
    return this;
  }

  /** Runs the worker on a task with these variables and the fixture's connection. */
  StorageResult run(Map<String, ?> variables) {
    Map<String, Object> task = new HashMap<>();
    task.put("connection", KEY);
    task.putAll(variables);
    return (StorageResult)
        new StorageFunction(service()).execute(new WorkerTestContext(StorageFunction.TYPE, task));
  }

  StorageService service() {
    return new StorageService(
        new dev.flowconnections.runtime.worker.WorkerConnections(
            resolver, new RuntimeEnvironment(Environment.DEVELOPMENT, "default")),
        StorageStores.forJobs(accessTokens),
        limits);
  }

  /** Client-credentials OAuth2 against any token endpoint; no store for user-authorised tokens. */
  private static StorageAccessTokens accessTokens() {
    return new StorageAccessTokens(
        new OAuth2AccessTokens(
            new TokenEndpointClient(ConnectorsObjectMapperSupplier.getCopy()),
            null,
            Clock.systemUTC()));
  }

  StorageConnectionTester tester() {
    return new StorageConnectionTester(StorageStores.forConnectionTests(accessTokens));
  }
}
