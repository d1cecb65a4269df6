package dev.flowconnections.sample.load;

import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.templates.TemplatePublisher;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bin/load}: seeds organizations, connections and credentials into a schema of their own,
 * starts the demo application (runtime, in-memory engine, management API) on it in this JVM and
 * measures, in one run: start-up, list and search latency through the API, template generation and
 * publication, cold and warm resolution under concurrent credential edits, REST worker jobs per
 * second against a hand-written worker, and heap. Prints a markdown table and writes it to {@code
 * --report}. Exit code 0 also when a target is missed; 1 on an error, 2 on a bad command line.
 * Options: {@link LoadOptions#USAGE}; docs/benchmarks.md explains each measurement.
 */
public final class LoadDriver {

  private LoadDriver() {}

  public static void main(String[] args) {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    try {
      LoadReport report = run(options);
      System.out.println();
      System.out.println(report.markdown());
      System.out.println("Report written to " + options.report().toAbsolutePath());
      System.exit(0);
    } catch (Throwable e) {
      System.err.println("bin/load failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** The whole run; throws on any error (a missed target is a row, not an error). */
  static LoadReport run(LoadOptions options) throws Exception {
    long runStart = System.nanoTime();
    LoadReport report = new LoadReport();
    machine(report, options);
    boolean seed = options.reseed() || !LoadSeeder.seeded(options);
    if (seed) {
      step("Dropping schema " + options.schema() + " (no complete seed of this size in it)");
      LoadSeeder.dropSchema(options);
    } else {
      step(
          "Schema "
              + options.schema()
              + " holds this size already: seeding skipped (--reseed forces it)");
    }
    step("Starting the application");
    LoadApplication app = LoadApplication.start(options);
    try {
      report.row(
          "start-up, first in this JVM"
              + (seed ? ", empty schema (Flyway migrates)" : ", seeded schema"),
          LoadReport.seconds(app.startupNanos()),
          "< 10 s",
          app.startupNanos() < 10_000_000_000L);
      if (seed) {
        step("Seeding");
        long start = System.nanoTime();
        int created =
            new LoadSeeder(
                    app.bean(IntegrationService.class), app.bean(ConnectionService.class), options)
                .seed();
        long nanos = System.nanoTime() - start;
        report.row(
            String.format(
                Locale.ROOT,
                "seeding %d connections × 4 environments (%d threads)",
                created,
                options.seedThreads()),
            LoadReport.seconds(nanos));
      }
      if (options.warmStart()) {
        step("Restarting the application");
        app.close();
        app = LoadApplication.start(options);
        report.row(
            "start-up, second in this JVM, seeded schema",
            LoadReport.seconds(app.startupNanos()),
            "< 10 s",
            app.startupNanos() < 10_000_000_000L);
      }
      // A default PostgreSQL analyzes freshly loaded tables by itself (autovacuum); this machine's
      // runs with autovacuum off, and without statistics the planner takes 10,000 rows for 100.
      step("Analyzing the schema's tables (what autovacuum would do)");
      app.bean(JdbcClient.class)
          .sql(
              "analyze connection, connection_environment, connection_credential, integration,"
                  + " org_secret, catalogue_entry")
          .update();
      step("List and search through the API");
      ApiLatency api = new ApiLatency(app.baseUrl(), report, options.requests());
      api.measure("big org", LoadApplication.ADMIN, options.connections());
      if (options.orgs() > 1) {
        String small = LoadSeeder.organization(1);
        api.measure("small org", LoadApplication.adminOf(small), options.smallOrgConnections());
      }
      step("Element templates");
      new TemplateTiming(app.bean(TemplatePublisher.class), report)
          .measure("big org", LoadSeeder.BIG_ORGANIZATION);
      Latencies downloads = api.templateDownloads(LoadApplication.ADMIN, 10);
      report.row(
          "big org: GET /api/templates/download (" + downloads.summary() + ")",
          "p50 " + LoadReport.millis(downloads.percentileMillis(50)));
      step("Resolution");
      new ResolutionLoad(app, report, options).measure();
      step("Jobs");
      JobThroughput jobs = new JobThroughput(app, report, options);
      jobs.measure();
      long max = Runtime.getRuntime().maxMemory();
      report.row(
          "heap used, peak while jobs ran (sampled every 50 ms)",
          LoadReport.megabytes(jobs.peakHeapBytes()),
          "< 256 MB",
          jobs.peakHeapBytes() < 256L * 1024 * 1024);
      System.gc();
      long afterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      report.row(
          "heap used after a full GC, after the jobs (max heap " + LoadReport.megabytes(max) + ")",
          LoadReport.megabytes(afterGc),
          "< 256 MB",
          afterGc < 256L * 1024 * 1024);
    } finally {
      app.close();
    }
    report.row("whole run, seeding included", LoadReport.seconds(System.nanoTime() - runStart));
    report.write(options.report());
    return report;
  }

  private static void machine(LoadReport report, LoadOptions options) {
    report.note(
        String.format(
            Locale.ROOT,
            "Sizes: %d organizations: 1 big (\"%s\") with %d connections over %d REST integrations"
                + " (Bearer, API key, Basic), %d small with %d connections over %d integrations each;"
                + " credentials in all 4 environments; %d job instances per round",
            options.orgs(),
            LoadSeeder.BIG_ORGANIZATION,
            options.connections(),
            LoadSeeder.BIG_ORG_INTEGRATIONS,
            options.orgs() - 1,
            options.smallOrgConnections(),
            LoadSeeder.SMALL_ORG_INTEGRATIONS,
            options.jobs()));
    report.note(
        String.format(
            Locale.ROOT,
            "Machine: %d cores, %s %s, max heap %s, %s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"),
            System.getProperty("java.runtime.version"),
            LoadReport.megabytes(Runtime.getRuntime().maxMemory()),
            postgresVersion()));
  }

  private static String postgresVersion() {
    try (Connection db = PostgresTestSchema.connect();
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery("show server_version")) {
      result.next();
      return "PostgreSQL " + result.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("no PostgreSQL at " + PostgresTestSchema.URL, e);
    }
  }

  private static void step(String what) {
    System.out.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), what);
  }
}
