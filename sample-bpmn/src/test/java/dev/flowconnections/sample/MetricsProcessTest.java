package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.sample.support.ProcessTestRuntime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The Prometheus scrape after real processes ran: resolution outcomes, cache hits, job outcomes and
 * store reads moved, no secret shows, and only administrators may read it (docs/deploy.md,
 * Metrics).
 */
@AutoConfigureObservability(tracing = false) // Spring Boot tests turn metric export off otherwise
@TestPropertySource(
    properties = {
      "management.endpoints.web.exposure.include=health,prometheus",
      "flow-connections.security.users[0].username=metrics-admin",
      "flow-connections.security.users[0].password={noop}metrics-admin",
      "flow-connections.security.users[0].roles[0]=ADMIN",
      "flow-connections.security.users[1].username=metrics-user",
      "flow-connections.security.users[1].password={noop}metrics-user",
      "flow-connections.security.users[1].roles[0]=USER"
    })
class MetricsProcessTest extends RestProcessTestBase {

  static final String REST = "type=\"io.flowconnections:rest:1\"";

  static final ProcessTestRuntime RUNTIME = ProcessTestRuntime.start(Environment.DEVELOPMENT);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RUNTIME.register(registry);
  }

  MetricsProcessTest() {
    super(RUNTIME);
  }

  @LocalServerPort int port;

  @Test
  void processesMoveTheCountersAndNoSecretShows() {
    String before = scrape();
    ConnectionView connection = developmentBearerConnection("dev-token-counted-not-shown");
    AtomicInteger unavailable = new AtomicInteger();
    server()
        .respond(
            request -> {
              if (request.rawPath().endsWith("/missing")) {
                return Reply.json(404, "{}"); // the example's error expression: a BPMN error
              }
              if (request.rawPath().endsWith("/flaky") && unavailable.getAndIncrement() == 0) {
                return Reply.json(503, "{}"); // once: a failure with retries left
              }
              return Reply.json(200, "{\"id\":1}");
            });

    long first = startGet(connection, "/orders/1");
    records.awaitCompleted(first);
    // The change notification of the credentials just saved arrives asynchronously and may evict
    // the
    // entry of an early run: run again until one is answered from the cache (a few at most).
    records.awaitCompleted(startGet(connection, "/orders/2"));
    for (int run = 3;
        run <= 6
            && delta(before, scrape(), "flow_connections_resolution_cache_total", "result=\"hit\"")
                < 1;
        run++) {
      records.awaitCompleted(
          start(Map.of("connection", keyOf(connection), "path", "/orders/" + run)));
    }
    long unknown =
        start(Map.of("connection", "no-such-connection-for-metrics", "path", "/orders/x"));
    records.awaitIncident(unknown);
    long missing = startGet(connection, "/missing");
    records.awaitTrue(
        "the 404 ends at the error boundary",
        () -> records.passedElement(missing, "ResourceNotFound"));
    startGet(connection, "/flaky");
    records.awaitTrue(
        "the 503 is counted as a retry",
        () ->
            delta(before, scrape(), "flow_connections_jobs_total", REST, "outcome=\"retry\"") >= 1);

    String after = scrape();
    assertThat(delta(before, after, "flow_connections_resolutions_total", "outcome=\"resolved\""))
        .isGreaterThanOrEqualTo(2);
    assertThat(delta(before, after, "flow_connections_resolutions_total", "outcome=\"not_found\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "flow_connections_resolution_cache_total", "result=\"hit\""))
        .as("a later run found the connection in the cache")
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "flow_connections_resolution_cache_total", "result=\"miss\""))
        .isGreaterThanOrEqualTo(2);
    assertThat(
            delta(
                before,
                after,
                "flow_connections_store_reads_seconds_count",
                "store=\"postgres\"",
                "outcome=\"ok\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            delta(
                before,
                after,
                "camunda_connector_outbound_invocations_total",
                "action=\"completed\""))
        .as("the connector runtime's own job counters")
        .isGreaterThanOrEqualTo(2);
    assertThat(
            delta(
                before, after, "camunda_connector_outbound_invocations_total", "action=\"failed\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "flow_connections_jobs_total", REST, "outcome=\"completed\""))
        .isGreaterThanOrEqualTo(2);
    assertThat(delta(before, after, "flow_connections_jobs_total", REST, "outcome=\"incident\""))
        .as("the unknown connection: no retries left")
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "flow_connections_jobs_total", REST, "outcome=\"bpmn_error\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "flow_connections_jobs_total", REST, "outcome=\"retry\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(after)
        .as("every outcome of every worker is there from the start")
        .containsPattern(
            "(?m)^flow_connections_jobs_total\\{(?=[^}]*outcome=\"failed_back_at_shutdown\")"
                + "(?=[^}]*type=\"io.flowconnections:sql:1\")[^}]*\\} 0\\.0$");
    assertThat(after)
        .contains("flow_connections_audit_queue ")
        .contains("flow_connections_audit_lost_total ");
    assertThat(after)
        .doesNotContain("dev-token-counted-not-shown")
        .as("connection keys are not tags")
        .doesNotContain(keyOf(connection))
        .doesNotContain("no-such-connection-for-metrics");
  }

  @Test
  void onlyAdministratorsReadTheScrape() {
    ApiClient api = ApiClient.on(port);
    assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(api.as("metrics-user").get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(api.as("metrics-admin").get("/actuator/prometheus").status()).isEqualTo(200);
    // the deploy gets its first records from this test too (the base class checks them after each
    // test)
    records.awaitIncident(
        start(Map.of("connection", "no-such-connection-for-metrics", "path", "/x")));
  }

  private String scrape() {
    ApiClient.Response response =
        ApiClient.on(port).as("metrics-admin").get("/actuator/prometheus", "text/plain");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** The sum over every series of {@code name} with all of {@code tags}, after minus before. */
  private static double delta(String before, String after, String name, String... tags) {
    return sum(after, name, tags) - sum(before, name, tags);
  }

  private static double sum(String scrape, String name, String... tags) {
    Matcher lines =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
    double total = 0;
    while (lines.find()) {
      String series = lines.group(1);
      if (java.util.Arrays.stream(tags).allMatch(series::contains)) {
        total += Double.parseDouble(lines.group(2));
      }
    }
    return total;
  }
}
