package dev.flowconnections.templates.webmodeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.templates.ElementTemplateGenerator;
import dev.flowconnections.templates.ElementTemplateSchema;
import dev.flowconnections.templates.FixtureWorkers;
import dev.flowconnections.templates.OwnOrganizationTest;
import dev.flowconnections.templates.PublishedTemplate;
import dev.flowconnections.templates.PublishedTemplateRepository;
import dev.flowconnections.templates.TemplateChoices;
import dev.flowconnections.templates.TemplatePublisher;
import dev.flowconnections.templates.TemplatesProperties;
import dev.flowconnections.templates.webmodeler.FakeWebModeler.Request;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The push against a local Web Modeler. Each test publishes an organization of its own into a
 * project of its own, through a publisher whose only listener is a push built by {@link
 * WebModelerPush#connect} (as the auto-configuration builds it) with a clock the test moves. The
 * last test uses the auto-configured push of this class's Spring context.
 */
@ExtendWith(OutputCaptureExtension.class)
@Import(FixtureWorkers.class)
class WebModelerPushTest extends OwnOrganizationTest {

  static final String CLIENT_SECRET = "cs-" + UUID.randomUUID();
  static final FakeWebModeler WEB_MODELER = FakeWebModeler.start(CLIENT_SECRET);
  static final String WIRED_ORG = "org-" + UUID.randomUUID();
  static final String WIRED_PROJECT = "wired-" + UUID.randomUUID();
  static final String PREFIX = "[FC] ";
  static final int TEMPLATES = FixtureWorkers.CATALOG.all().size();

  @DynamicPropertySource
  static void webModeler(DynamicPropertyRegistry registry) {
    String p = "flow-connections.templates.web-modeler.";
    registry.add(p + "base-url", () -> WEB_MODELER.baseUrl().toString());
    registry.add(p + "project-id", () -> WIRED_PROJECT);
    registry.add(p + "token-url", () -> WEB_MODELER.tokenUrl().toString());
    registry.add(p + "client-id", () -> FakeWebModeler.CLIENT_ID);
    registry.add(p + "client-secret", () -> CLIENT_SECRET);
    registry.add(p + "organization-id", () -> WIRED_ORG);
    // these tests count the pushes of their own publications: an auto-publication after a
    // fixture's change (on by default) would take a change away from the publication under test
    registry.add("flow-connections.templates.auto-publish", () -> "false");
  }

  @AfterAll
  static void stop() {
    WEB_MODELER.close();
  }

  @Autowired TemplatePublisher wiredPublisher;
  @Autowired TemplateChoices choices;
  @Autowired ElementTemplateGenerator generator;
  @Autowired ElementTemplateSchema schema;
  @Autowired PublishedTemplateRepository repository;
  @Autowired TransactionTemplate tx;
  @Autowired ObjectMapper json;
  @Autowired Clock clock;

  private final String project = "project-" + UUID.randomUUID();
  private final MutableClock tokenClock = new MutableClock();

  @BeforeEach
  void resetWebModeler() {
    WEB_MODELER.reset();
  }

  @Test
  void theTokenIsRequestedWithTheClientCredentialsGrantForTheWebModelerAudience() {
    publisher(settings()).publish(orgAdmin);

    assertThat(WEB_MODELER.tokenRequests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.header("Content-Type"))
                  .isEqualTo("application/x-www-form-urlencoded");
              assertThat(request.form())
                  .containsExactlyInAnyOrderEntriesOf(
                      Map.of(
                          "grant_type",
                          "client_credentials",
                          "client_id",
                          FakeWebModeler.CLIENT_ID,
                          "client_secret",
                          CLIENT_SECRET,
                          "audience",
                          "web-modeler-api"));
            });
  }

  @Test
  void aFirstPublicationCreatesEveryTemplateAsAConnectorTemplateFile(CapturedOutput output)
      throws Exception {
    publisher(settings()).publish(orgAdmin);

    String token = WEB_MODELER.issuedTokens().getFirst();
    assertThat(WEB_MODELER.requests())
        .filteredOn(r -> r.path().startsWith(FakeWebModeler.FILES))
        .hasSize(2 * TEMPLATES) // one search and one create each
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
    assertThat(WEB_MODELER.requests("POST", FakeWebModeler.FILES + "/search").getFirst().json())
        .isEqualTo(
            json.readTree(
                "{\"filter\": {\"projectId\": \""
                    + project
                    + "\", \"name\": \"[FC] Flow Connections: Advisor\"}, \"page\": 0, \"size\": 1}"));
    List<Request> creates = WEB_MODELER.requests("POST", FakeWebModeler.FILES);
    assertThat(creates)
        .hasSize(TEMPLATES)
        .allSatisfy(
            r -> {
              JsonNode body = r.json();
              assertThat(body.get("projectId").asText()).isEqualTo(project);
              assertThat(body.get("folderId").asText()).isEqualTo("folder-1");
              assertThat(body.get("fileType").asText()).isEqualTo("connector_template");
              assertThat(body.get("content").isTextual())
                  .as("content is the template as a string")
                  .isTrue();
              assertThat(r.status()).isEqualTo(200);
            });
    PublishedTemplate rest = repository.latest(org, FixtureWorkers.REST).orElseThrow();
    FakeWebModeler.StoredFile file =
        WEB_MODELER.file(project, PREFIX + "Flow Connections: Parcel API").orElseThrow();
    assertThat(file.content()).isEqualTo(rest.content());
    assertThat(WEB_MODELER.files(project)).hasSize(TEMPLATES);
    assertThat(output)
        .contains(
            "Pushed element templates of organization '"
                + org
                + "' to Web Modeler project '"
                + project
                + "': "
                + TEMPLATES
                + " pushed ("
                + TEMPLATES
                + " created, 0 updated), 0 unchanged, 0 failed");
  }

  @Test
  void aChangedTemplateIsUpdatedWithTheFilesCurrentRevision() {
    TemplatePublisher publisher = publisher(settings());
    publisher.publish(orgAdmin);
    String restApi = PREFIX + "Flow Connections: Parcel API";
    WEB_MODELER.savedMeanwhile(project, restApi, 4);
    WEB_MODELER.clearRequests();
    ConnectionView crm = crmConnection(orgAdmin, Visibility.ORGANIZATION);

    publisher.publish(orgAdmin);

    FakeWebModeler.StoredFile file = WEB_MODELER.file(project, restApi).orElseThrow();
    List<Request> patches = WEB_MODELER.requests("PATCH", FakeWebModeler.FILES + "/" + file.id);
    assertThat(patches)
        .singleElement()
        .satisfies(
            patch -> {
              assertThat(patch.json().get("revision").asLong()).isEqualTo(4);
              assertThat(patch.status()).isEqualTo(200);
            });
    assertThat(WEB_MODELER.requests("GET", FakeWebModeler.FILES + "/" + file.id)).hasSize(1);
    assertThat(file.revision).isEqualTo(5);
    assertThat(file.content().get("version").asInt()).isEqualTo(2);
    assertThat(file.content().toString()).contains("\"value\":\"" + crm.connection().key() + "\"");
    // the REST API Tool offers the connection too; nothing else changed, nothing was created
    assertThat(WEB_MODELER.requests().stream().filter(r -> r.method().equals("PATCH"))).hasSize(2);
    assertThat(WEB_MODELER.requests("POST", FakeWebModeler.FILES)).isEmpty();
  }

  @Test
  void unchangedTemplatesAreReadButNotWritten(CapturedOutput output) {
    TemplatePublisher publisher = publisher(settings());
    publisher.publish(orgAdmin);
    WEB_MODELER.clearRequests();

    publisher.publish(orgAdmin);

    assertThat(WEB_MODELER.requests().stream().map(Request::method)).doesNotContain("PATCH");
    assertThat(WEB_MODELER.requests("POST", FakeWebModeler.FILES)).isEmpty();
    assertThat(WEB_MODELER.requests().stream().filter(r -> r.method().equals("GET")))
        .hasSize(TEMPLATES);
    assertThat(output)
        .contains("0 pushed (0 created, 0 updated), " + TEMPLATES + " unchanged, 0 failed");
  }

  @Test
  void theTokenIsReusedUntilShortlyBeforeItExpires() {
    WEB_MODELER.tokensExpireIn(300);
    TemplatePublisher publisher = publisher(settings());

    publisher.publish(orgAdmin);
    publisher.publish(orgAdmin);
    tokenClock.advance(Duration.ofSeconds(260));
    publisher.publish(orgAdmin);
    assertThat(WEB_MODELER.tokenRequests()).hasSize(1);

    tokenClock.advance(Duration.ofSeconds(15)); // 275 s: within the last 30 s of the token's life
    WEB_MODELER.clearRequests();
    publisher.publish(orgAdmin);

    assertThat(WEB_MODELER.tokenRequests()).hasSize(1);
    String renewed = WEB_MODELER.issuedTokens().get(1);
    assertThat(WEB_MODELER.requests())
        .filteredOn(r -> r.path().startsWith(FakeWebModeler.FILES))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + renewed));
  }

  @Test
  void aRejectedTokenIsRenewedOnceAndTheCallRepeated(CapturedOutput output) {
    TemplatePublisher publisher = publisher(settings());
    publisher.publish(orgAdmin);
    WEB_MODELER.revokeTokens();
    WEB_MODELER.clearRequests();

    publisher.publish(orgAdmin);

    assertThat(WEB_MODELER.tokenRequests()).hasSize(1);
    List<Request> api =
        WEB_MODELER.requests().stream()
            .filter(r -> r.path().startsWith(FakeWebModeler.FILES))
            .toList();
    assertThat(api.getFirst().status()).isEqualTo(401);
    assertThat(api.subList(1, api.size()))
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(200);
              assertThat(r.header("Authorization"))
                  .isEqualTo("Bearer " + WEB_MODELER.issuedTokens().get(1));
            });
    assertThat(output).contains(TEMPLATES + " unchanged, 0 failed");
  }

  @Test
  void aTokenThatIsRejectedAgainStopsThePushWithoutRetryingForever(CapturedOutput output) {
    WEB_MODELER.refuseAllTokens();

    publisher(settings()).publish(orgAdmin);

    assertThat(WEB_MODELER.tokenRequests()).hasSize(2);
    assertThat(WEB_MODELER.requests())
        .filteredOn(r -> r.path().startsWith(FakeWebModeler.FILES))
        .hasSize(2);
    assertThat(output)
        .contains("answered 401")
        .contains("the other " + (TEMPLATES - 1) + " templates are not tried this time")
        .contains("0 pushed (0 created, 0 updated), 0 unchanged, " + TEMPLATES + " failed");
    assertNoSecretIn(output);
  }

  @Test
  void aServerErrorLeavesThePublicationInPlaceAndLogsNeitherSecretNorToken(CapturedOutput output) {
    WEB_MODELER.fail("POST", FakeWebModeler.FILES, 500);

    TemplatePublisher.Publication publication = publisher(settings()).publish(orgAdmin);

    assertThat(publication.changedCount()).isEqualTo(TEMPLATES);
    assertThat(repository.latest(org)).hasSize(TEMPLATES);
    assertThat(WEB_MODELER.files(project)).isEmpty();
    assertThat(
            output
                .getOut()
                .lines()
                .filter(
                    line ->
                        line.contains("WARN")
                            && line.contains(
                                "Pushing element template '" + PREFIX + "Flow Connections: ")
                            && line.contains(
                                "POST /api/v1/files answered 500: could not handle request with Bearer ****")))
        .hasSize(TEMPLATES);
    assertThat(output)
        .contains("0 pushed (0 created, 0 updated), 0 unchanged, " + TEMPLATES + " failed");
    assertNoSecretIn(output);
  }

  @Test
  void refusedClientCredentialsAreReportedWithoutTheSecret(CapturedOutput output) {
    TemplatesProperties.WebModeler settings = settings();
    String wrongSecret = "wrong-" + UUID.randomUUID();
    settings.setClientSecret(wrongSecret);

    TemplatePublisher.Publication publication = publisher(settings).publish(orgAdmin);

    assertThat(publication.changedCount()).isEqualTo(TEMPLATES);
    assertThat(WEB_MODELER.tokenRequests())
        .singleElement()
        .extracting(Request::status)
        .isEqualTo(401);
    assertThat(output)
        .contains(
            "token request answered 401: no client "
                + FakeWebModeler.CLIENT_ID
                + " with secret ****")
        .doesNotContain(wrongSecret);
  }

  @Test
  void anUnresponsiveWebModelerTimesOutAndTheRestIsNotTried(CapturedOutput output) {
    TemplatesProperties.WebModeler settings = settings();
    settings.setTimeout(Duration.ofMillis(500));
    WEB_MODELER.hang("POST", FakeWebModeler.FILES + "/search", Duration.ofSeconds(20));

    long started = System.nanoTime();
    TemplatePublisher.Publication publication = publisher(settings).publish(orgAdmin);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(publication.changedCount()).isEqualTo(TEMPLATES);
    assertThat(output)
        .contains("POST /api/v1/files/search did not complete: timed out")
        .contains("the other " + (TEMPLATES - 1) + " templates are not tried this time")
        .contains("0 pushed (0 created, 0 updated), 0 unchanged, " + TEMPLATES + " failed");
  }

  @Test
  void theAutoConfiguredPushServesItsOwnOrganizationOnly() {
    wiredPublisher.publish(org, "test"); // another organization's templates stay out of the project
    assertThat(WEB_MODELER.requests()).isEmpty();

    wiredPublisher.publish(WIRED_ORG, "test");

    assertThat(WEB_MODELER.files(WIRED_PROJECT))
        .hasSize(TEMPLATES)
        .allSatisfy(f -> assertThat(f.name).startsWith("Flow Connections: "));
  }

  private TemplatesProperties.WebModeler settings() {
    TemplatesProperties.WebModeler settings = new TemplatesProperties.WebModeler();
    settings.setBaseUrl(WEB_MODELER.baseUrl());
    settings.setProjectId(project);
    settings.setFolderId("folder-1");
    settings.setTokenUrl(WEB_MODELER.tokenUrl());
    settings.setClientId(FakeWebModeler.CLIENT_ID);
    settings.setClientSecret(CLIENT_SECRET);
    settings.setFileNamePrefix(PREFIX);
    settings.setTimeout(Duration.ofSeconds(5));
    return settings;
  }

  /** A publisher of this test's organization whose only listener is a push with these settings. */
  private TemplatePublisher publisher(TemplatesProperties.WebModeler settings) {
    WebModelerPush push = WebModelerPush.connect(settings, org, json, tokenClock);
    return new TemplatePublisher(
        FixtureWorkers.CATALOG,
        choices,
        generator,
        schema,
        repository,
        tx,
        json,
        clock,
        List.of(push));
  }

  private static void assertNoSecretIn(CapturedOutput output) {
    assertThat(output).doesNotContain(CLIENT_SECRET);
    assertThat(WEB_MODELER.issuedTokens())
        .isNotEmpty()
        .allSatisfy(token -> assertThat(output).doesNotContain(token));
  }

  /** A clock the test moves forward, for token expiry. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
