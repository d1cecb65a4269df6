package dev.flowconnections.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.impl.NoopCredentialsProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The Camunda client's real OIDC credentials provider against a local token endpoint: each way of
 * not getting a token becomes one line naming the variable to check, never the secret.
 * (SelfManagedOidcTest covers the wrong secret end to end, against a real authorization server.)
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("fast")
class CamundaTokenCheckTest {

  private static final String SECRET = "s3cr3t-never-printed";
  private static final String TOKEN =
      "{\"access_token\":\"abc\",\"token_type\":\"bearer\",\"expires_in\":300}";

  @TempDir Path home;
  private RecordingHttpServer identityProvider;

  @BeforeEach
  void start() {
    identityProvider = RecordingHttpServer.start();
  }

  @AfterEach
  void stop() {
    identityProvider.close();
  }

  @Test
  void refusedClientCredentialsNameTheClientAndTheTwoVariables(CapturedOutput output) {
    identityProvider.respond(Reply.json(401, "{\"error\":\"invalid_client\"}"));

    assertThat(check(tokenUrl()).problem())
        .contains(
            "Camunda client could not get a token from "
                + tokenUrl()
                + ": the identity provider refused the client credentials of client 'connectors' (HTTP 401)"
                + " — check CAMUNDA_CLIENT_AUTH_CLIENTID and CAMUNDA_CLIENT_AUTH_CLIENTSECRET"
                + " (and CAMUNDA_CLIENT_AUTH_AUDIENCE / CAMUNDA_CLIENT_AUTH_SCOPE if your provider checks them)");
    assertThat(identityProvider.lastRequest().body())
        .contains("client_secret=" + SECRET); // it was really asked
    assertThat(output.getAll()).doesNotContain(SECRET);
  }

  @Test
  void anUnreachableTokenEndpointPointsAtTheTokenUrl() {
    assertThat(check("http://127.0.0.1:1/oauth/token").problem())
        .contains(
            "Camunda client could not get a token from http://127.0.0.1:1/oauth/token: the token endpoint cannot be reached"
                + " (ConnectException) — check CAMUNDA_CLIENT_AUTH_TOKENURL");
  }

  @Test
  void aWrongPathPointsAtTheTokenUrl() {
    identityProvider.respond(Reply.text(404, "not found"));

    assertThat(check(tokenUrl()).problem())
        .contains(
            "Camunda client could not get a token from "
                + tokenUrl()
                + ": the token endpoint answered HTTP 404 — check CAMUNDA_CLIENT_AUTH_TOKENURL");
  }

  @Test
  void aTokenCacheThatCannotBeWrittenPointsAtItsVariable() throws IOException {
    identityProvider.respond(Reply.json(200, TOKEN));
    Path notADirectory = Files.writeString(home.resolve("not-a-directory"), "");

    Optional<String> problem = check(tokenUrl(), notADirectory.resolve("credentials")).problem();

    assertThat(problem)
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith(
                        "Camunda client could not get a token from "
                            + tokenUrl()
                            + ": its token cache file cannot be written (")
                    .contains(notADirectory.toString())
                    .endsWith(
                        " — set CAMUNDA_CLIENT_AUTH_CREDENTIALSCACHEPATH to a writable file"));
  }

  @Test
  void theUserInfoAndQueryOfTheTokenUrlAreNotShown() {
    identityProvider.respond(Reply.json(401, "{\"error\":\"invalid_client\"}"));
    String url =
        identityProvider.baseUrl().replace("http://", "http://user:" + SECRET + "@")
            + "/oauth/token?key="
            + SECRET;

    assertThat(check(url).problem())
        .hasValueSatisfying(
            line -> assertThat(line).contains("from " + tokenUrl() + ":").doesNotContain(SECRET));
  }

  @Test
  void saysItOncePerChangeNotOnEveryCheck(CapturedOutput output) {
    identityProvider.respond(Reply.json(401, "{\"error\":\"invalid_client\"}"));
    CamundaTokenCheck check = check(tokenUrl());

    check.problem();
    check.problem();
    assertThat(output.getAll().split("could not get a token", -1)).hasSize(2);

    identityProvider.respond(Reply.json(200, TOKEN));
    assertThat(check.problem()).isEmpty();
    assertThat(check.problem()).isEmpty();
    assertThat(
            output.getAll().split("Camunda client got a token from " + tokenUrl() + " again", -1))
        .hasSize(2);
  }

  @Test
  void aClientWithoutAuthenticationHasNoProblem(CapturedOutput output) {
    assertThat(new CamundaTokenCheck(new NoopCredentialsProvider(), null, null, null).problem())
        .isEmpty();
    assertThat(output.getAll()).doesNotContain("Camunda client");
  }

  private String tokenUrl() {
    return identityProvider.baseUrl() + "/oauth/token";
  }

  private CamundaTokenCheck check(String tokenUrl) {
    return check(tokenUrl, home.resolve("credentials"));
  }

  /** The provider as the Camunda starter builds it for CAMUNDA_CLIENT_AUTH_METHOD=oidc. */
  private static CamundaTokenCheck check(String tokenUrl, Path cache) {
    CredentialsProvider provider =
        CredentialsProvider.newCredentialsProviderBuilder()
            .applyEnvironmentOverrides(false)
            .clientId("connectors")
            .clientSecret(SECRET)
            .audience("zeebe-api")
            .authorizationServerUrl(tokenUrl)
            .credentialsCachePath(cache.toString())
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(5))
            .build();
    return new CamundaTokenCheck(provider, URI.create(tokenUrl), "connectors", cache.toString());
  }
}
