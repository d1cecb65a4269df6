package dev.flowconnections.sample.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * List and search latency through the management API on the application's port, as an
 * organization's administrator (HTTP Basic): first page, a middle page, a name-fragment search and
 * search plus type filter. Paging and search parameters are sent as {@code GET /api/connections}
 * documents them ({@code page}, {@code size}, {@code search}, {@code type}); whether the answer was
 * paged server-side ({@code X-Total-Count}) is reported with the numbers.
 */
final class ApiLatency {

  static final int PAGE_SIZE = 50;
  private static final int WARM_UP = 20;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final LoadReport report;
  private final int requests;
  private int measured;

  ApiLatency(String baseUrl, LoadReport report, int requests) {
    this.baseUrl = baseUrl;
    this.report = report;
    this.requests = requests;
  }

  /** Measures one organization's lists; {@code label} names it in the report. */
  void measure(String label, String username, int connections) throws Exception {
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (username + ":" + LoadApplication.PASSWORD).getBytes(StandardCharsets.UTF_8));
    Answer first = get(auth, "/api/connections?page=0&size=" + PAGE_SIZE);
    long total = first.total().orElse((long) first.items());
    boolean paged = first.total().isPresent();
    report.note(
        String.format(
            Locale.ROOT,
            "%s: GET /api/connections?size=%d answered %d items, %s (%d bytes)",
            label,
            PAGE_SIZE,
            first.items(),
            paged
                ? "X-Total-Count " + total + " (server-side paging)"
                : "no X-Total-Count (not paged)",
            first.bytes()));
    // an unpaged list of thousands takes long: fewer requests then, said in the report
    measured = paged ? requests : Math.min(requests, 20);
    int middle = (int) Math.max(0, total / PAGE_SIZE / 2);
    int fragments = Math.max(1, connections / 10);
    kind(
        label,
        "list connections, first page",
        auth,
        i -> "/api/connections?page=0&size=" + PAGE_SIZE);
    kind(
        label,
        "list connections, middle page",
        auth,
        i -> "/api/connections?page=" + middle + "&size=" + PAGE_SIZE);
    // "0042" matches about ten of "<Vertical> connection 00420".."00429"
    kind(
        label,
        "search connections by name fragment",
        auth,
        i -> "/api/connections?page=0&size=" + PAGE_SIZE + "&search=" + fragment(i, fragments));
    kind(
        label,
        "search connections + type filter",
        auth,
        i ->
            "/api/connections?page=0&size="
                + PAGE_SIZE
                + "&type=REST_API&search="
                + encode("billing connection " + fragment(i, fragments)));
    kind(
        label,
        "list integrations, first page",
        auth,
        i -> "/api/integrations?page=0&size=" + PAGE_SIZE);
  }

  private static String fragment(int i, int fragments) {
    return String.format(Locale.ROOT, "%04d", (i * 7919) % fragments);
  }

  private void kind(String label, String kind, String auth, IntFunction<String> path)
      throws Exception {
    for (int i = 0; i < Math.min(WARM_UP, measured); i++) {
      get(auth, path.apply(i));
    }
    Latencies latencies = new Latencies();
    for (int i = 0; i < measured; i++) {
      String p = path.apply(i);
      latencies.time(() -> get(auth, p));
    }
    double p95 = latencies.percentileMillis(95);
    report.row(
        label + ": " + kind + " (" + latencies.summary() + ")",
        "p95 " + LoadReport.millis(p95),
        "p95 < 50 ms",
        p95 < 50);
  }

  record Answer(int items, Optional<Long> total, int bytes) {}

  Answer get(String auth, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", auth)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
    }
    String body = response.body();
    Optional<Long> total = response.headers().firstValue("X-Total-Count").map(Long::parseLong);
    return new Answer(countItems(body), total, body.length());
  }

  /** Top-level elements of a JSON array, without parsing it into objects. */
  static int countItems(String json) {
    int depth = 0;
    int items = 0;
    boolean inString = false;
    boolean any = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          any |= depth == 1;
        }
        case '[', '{' -> {
          if (depth == 1) {
            any = true;
          }
          depth++;
        }
        case ']', '}' -> depth--;
        case ',' -> {
          if (depth == 1) {
            items++;
          }
        }
        default -> {
          if (depth == 1 && !Character.isWhitespace(c)) {
            any = true;
          }
        }
      }
    }
    return any ? items + 1 : 0;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Time of the template download endpoint, as {@code username}. */
  Latencies templateDownloads(String username, int times) throws Exception {
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (username + ":" + LoadApplication.PASSWORD).getBytes(StandardCharsets.UTF_8));
    get(auth, "/api/templates/download");
    Latencies latencies = new Latencies();
    for (int i = 0; i < times; i++) {
      latencies.time(() -> get(auth, "/api/templates/download"));
    }
    return latencies;
  }
}
