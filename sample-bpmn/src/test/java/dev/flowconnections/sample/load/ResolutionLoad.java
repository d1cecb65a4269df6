package dev.flowconnections.sample.load;

import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.metrics.ResolutionMetrics;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.secretprovider.ConnectionsSecretProvider;
import dev.flowconnections.secretprovider.JobScope;
import io.camunda.connector.api.secret.SecretContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * Resolution of {@code {{secrets.connections.<key>.<field>}}} through the Camunda {@code
 * SecretProvider} bean, inside a job scope as the placeholder guard opens it, over the big
 * organization's connections: cold (cache emptied before each), warm without edits, and warm and
 * cold while two threads edit credentials of other connections of the same organization. Every
 * answer is checked against the seeded value.
 */
final class ResolutionLoad {

  private static final String PROCESS = "load-resolution";

  private final ConnectionsSecretProvider provider;
  private final CachingConnectionResolver cache;
  private final ConnectionService connections;
  private final MeterRegistry meters;
  private final Environment environment;
  private final LoadReport report;
  private final LoadOptions options;
  private final dev.flowconnections.environment.Environment runtimeEnvironment;

  ResolutionLoad(LoadApplication app, LoadReport report, LoadOptions options) {
    this.provider = app.bean(ConnectionsSecretProvider.class);
    this.cache = app.bean(CachingConnectionResolver.class);
    this.connections = app.bean(ConnectionService.class);
    this.meters = app.bean(MeterRegistry.class);
    this.environment = app.context().getEnvironment();
    this.runtimeEnvironment =
        app.bean(dev.flowconnections.resolution.RuntimeEnvironment.class).environment();
    this.report = report;
    this.options = options;
  }

  void measure() throws Exception {
    int count = options.connections();
    // resolution reads the lower half, editors change the upper half ("other connections")
    int readable = Math.max(1, count / 2);
    Map<Integer, UUID> ids = ids();
    long maxSize =
        environment.getProperty("flow-connections.resolution.cache-size", Long.class, 10_000L);
    String ttl = environment.getProperty("flow-connections.resolution.cache-ttl", "30s");

    // every connection once: the cache must stay within its configured size
    cache.evictAll();
    long fillStart = System.nanoTime();
    for (int n = 0; n < count; n++) {
      resolve(n, 0);
    }
    long fillNanos = System.nanoTime() - fillStart;
    long size = cache.size();
    report.row(
        String.format(
            Locale.ROOT,
            "resolution cache after resolving all %d connections once (%s, cache-ttl %s)",
            count,
            LoadReport.seconds(fillNanos),
            ttl),
        size + " entries",
        "<= cache-size " + maxSize,
        size <= maxSize);

    SplittableRandom random = new SplittableRandom(42);
    Latencies cold = new Latencies();
    for (int i = 0; i < options.resolutions(); i++) {
      int n = random.nextInt(readable);
      cache.evictAll();
      timedResolve(cold, n);
    }
    report.row(
        "resolution cold, no edits (" + cold.summary() + ")",
        "p95 " + LoadReport.millis(cold.percentileMillis(95)));

    int workingSet = Math.min(readable, 200);
    for (int n = 0; n < workingSet; n++) {
      resolve(n, 0);
    }
    Latencies warm = new Latencies();
    for (int i = 0; i < options.resolutions(); i++) {
      timedResolve(warm, random.nextInt(workingSet));
    }
    report.row(
        "resolution warm, no edits (" + warm.summary() + ")",
        "p95 " + LoadReport.millis(warm.percentileMillis(95)));

    Map<String, Double> before = cacheCounters();
    AtomicBoolean editing = new AtomicBoolean(true);
    AtomicInteger edits = new AtomicInteger();
    AtomicReference<Throwable> editFailure = new AtomicReference<>();
    List<Thread> editors = new ArrayList<>();
    long pauseMillis = Math.max(1, 2000L / options.editsPerSecond());
    for (int t = 0; t < 2; t++) {
      int seed = t;
      editors.add(
          Thread.ofPlatform()
              .name("load-editor-" + t)
              .start(
                  () -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    Actor admin = LoadSeeder.admin(LoadSeeder.BIG_ORGANIZATION);
                    while (editing.get()) {
                      int n = count == 1 ? 0 : readable + r.nextInt(Math.max(1, count - readable));
                      AuthScheme scheme =
                          LoadSeeder.scheme(
                              LoadSeeder.integrationOf(n, LoadSeeder.BIG_ORG_INTEGRATIONS));
                      try {
                        connections.putEnvironment(
                            admin,
                            ids.get(n),
                            runtimeEnvironment,
                            LoadSeeder.credentials(
                                scheme, LoadSeeder.BIG_ORGANIZATION, n, runtimeEnvironment, 0),
                            null);
                        edits.incrementAndGet();
                        Thread.sleep(pauseMillis); // the edit rate, not a wait for a condition
                      } catch (InterruptedException e) {
                        return;
                      } catch (Throwable e) {
                        editFailure.set(e);
                        return;
                      }
                    }
                  }));
    }
    long editStart = System.nanoTime();
    Latencies warmEdited = new Latencies();
    Latencies coldEdited = new Latencies();
    Map<String, Double> beforeWarm = cacheCounters();
    Map<String, Double> afterWarm;
    try {
      // warm resolutions take microseconds: keep at it for the time of about 20 edits, so that
      // edits land in between (each edit evicts the organization's entries)
      long warmUntil = System.nanoTime() + 20_000_000_000L / options.editsPerSecond();
      for (int i = 0; i < options.resolutions() || System.nanoTime() < warmUntil; i++) {
        timedResolve(warmEdited, random.nextInt(workingSet));
        if (i >= options.resolutions()) {
          Thread.sleep(1); // pacing: about a thousand resolutions a second, not a condition wait
        }
      }
      afterWarm = cacheCounters();
      for (int i = 0; i < options.resolutions(); i++) {
        cache.evictAll();
        timedResolve(coldEdited, random.nextInt(readable));
      }
    } finally {
      editing.set(false);
      for (Thread editor : editors) {
        editor.join();
      }
    }
    if (editFailure.get() != null) {
      throw new IllegalStateException("a credential edit failed", editFailure.get());
    }
    double editRate = edits.get() / ((System.nanoTime() - editStart) / 1e9);
    Map<String, Double> after = cacheCounters();
    report.row(
        String.format(
            Locale.ROOT,
            "resolution warm, %.0f credential edits/s in the same organization (%s)",
            editRate,
            warmEdited.summary()),
        "p95 " + LoadReport.millis(warmEdited.percentileMillis(95)));
    report.row(
        String.format(
            Locale.ROOT,
            "resolution cold, %.0f credential edits/s in the same organization (%s)",
            editRate,
            coldEdited.summary()),
        "p95 " + LoadReport.millis(coldEdited.percentileMillis(95)));
    double hits = difference(beforeWarm, afterWarm, "result:hit");
    double misses = difference(beforeWarm, afterWarm, "result:miss");
    report.row(
        "resolution warm under edits: cache hit ratio",
        String.format(
            Locale.ROOT,
            "%.1f %% (%.0f hits, %.0f misses)",
            100 * hits / (hits + misses),
            hits,
            misses));
    report.row("resolution cache meters during the edits (delta)", delta(before, after));
    boolean evictionsCounted = after.keySet().stream().anyMatch(k -> k.contains("evictions"));
    report.row(
        "resolution cache meters now",
        after.entrySet().stream()
            .map(e -> e.getKey() + "=" + format(e.getValue()))
            .collect(Collectors.joining(", ")),
        "evictions counted",
        evictionsCounted);
  }

  private Map<Integer, UUID> ids() {
    Actor admin = LoadSeeder.admin(LoadSeeder.BIG_ORGANIZATION);
    Map<Integer, UUID> ids = new HashMap<>();
    for (ConnectionView view : connections.list(admin, null, null, null)) {
      String key = view.connection().key();
      if (key.matches("load-\\d{5}")) {
        ids.put(Integer.parseInt(key.substring(5)), view.connection().id());
      }
    }
    if (ids.size() < options.connections()) {
      throw new IllegalStateException(
          "the big organization has "
              + ids.size()
              + " seeded connections, expected "
              + options.connections());
    }
    return ids;
  }

  private void timedResolve(Latencies latencies, int n) throws Exception {
    long start = System.nanoTime();
    resolve(n, 0);
    latencies.add(System.nanoTime() - start);
  }

  /** One placeholder, inside a job scope; fails when the answer is not the seeded secret. */
  private void resolve(int n, long job) throws Exception {
    AuthScheme scheme =
        LoadSeeder.scheme(LoadSeeder.integrationOf(n, LoadSeeder.BIG_ORG_INTEGRATIONS));
    String name =
        "connections." + LoadSeeder.connectionKey(n) + "." + LoadSeeder.secretField(scheme);
    String value =
        new JobScope("<default>", PROCESS, 1L, "resolve", job, job)
            .call(() -> provider.getSecret(name, new SecretContext("")));
    String expected =
        LoadSeeder.credentials(scheme, LoadSeeder.BIG_ORGANIZATION, n, runtimeEnvironment, 0)
            .get(LoadSeeder.secretField(scheme))
            .toString();
    if (!expected.equals(value)) {
      // never print the value itself
      throw new IllegalStateException(
          "connection " + LoadSeeder.connectionKey(n) + " resolved to another value");
    }
  }

  /** Every meter named flow.connections.resolution.cache*, by name and tags. */
  private Map<String, Double> cacheCounters() {
    Map<String, Double> values = new java.util.TreeMap<>();
    for (Meter meter : meters.getMeters()) {
      String name = meter.getId().getName();
      if (!name.startsWith(ResolutionMetrics.CACHE)) {
        continue;
      }
      String tags =
          meter.getId().getTags().stream()
              .map(t -> t.getKey() + ":" + t.getValue())
              .collect(Collectors.joining(",", "{", "}"));
      double value =
          switch (meter) {
            case Counter c -> c.count();
            case FunctionCounter c -> c.count();
            case Gauge g -> g.value();
            default -> Double.NaN;
          };
      values.put(name + tags, value);
    }
    return values;
  }

  /** The increase of the meters whose name carries {@code tag}, summed. */
  private static double difference(
      Map<String, Double> before, Map<String, Double> after, String tag) {
    return after.entrySet().stream()
        .filter(e -> e.getKey().contains(tag))
        .mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0))
        .sum();
  }

  private static String delta(Map<String, Double> before, Map<String, Double> after) {
    return after.entrySet().stream()
        .map(e -> e.getKey() + " +" + format(e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
        .collect(Collectors.joining(", "));
  }

  private static String format(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
