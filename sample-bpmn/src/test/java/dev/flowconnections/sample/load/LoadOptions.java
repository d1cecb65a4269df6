package dev.flowconnections.sample.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code bin/load}.
 *
 * @param orgs organizations: one big one (the runtime's own, {@code default}) and {@code orgs - 1}
 *     small ones
 * @param connections connections of the big organization
 * @param smallOrgConnections connections of each small organization
 * @param jobs process instances per measured round of each worker
 * @param rounds measured rounds of each worker (alternating; the better one counts)
 * @param schema PostgreSQL schema kept between runs
 * @param reseed drop the schema and seed again even when it holds this size already
 * @param seedThreads threads that seed
 * @param workerThreads the Camunda client's job execution threads (both workers)
 * @param maxJobsActive jobs each worker holds at once (both workers)
 * @param requests measured HTTP requests per list/search kind
 * @param resolutions measured resolutions per kind
 * @param editsPerSecond credential edits per second while resolution is measured (two threads)
 * @param warmStart close the application and start it again to time a warm start
 * @param report where the markdown report goes
 */
record LoadOptions(
    int orgs,
    int connections,
    int smallOrgConnections,
    int jobs,
    int rounds,
    String schema,
    boolean reseed,
    int seedThreads,
    int workerThreads,
    int maxJobsActive,
    int requests,
    int resolutions,
    int editsPerSecond,
    boolean warmStart,
    Path report) {

  static final String USAGE =
      """
      bin/load [--orgs 100] [--connections 10000] [--small-org-connections 100] [--jobs 2000] [--rounds 2]
               [--schema flow_load] [--reseed] [--seed-threads 4] [--worker-threads 8]
               [--max-jobs-active 32] [--requests 200] [--resolutions 500]
               [--edits-per-second 20] [--no-warm-start] [--report target/load-report.md]""";

  static LoadOptions parse(String... args) {
    int orgs = 100;
    int connections = 10_000;
    Integer small = null;
    int jobs = 2_000;
    int rounds = 2;
    String schema = "flow_load";
    boolean reseed = false;
    int seedThreads = 4;
    int workerThreads = 8;
    int maxJobsActive = 32;
    int requests = 200;
    int resolutions = 500;
    int edits = 20;
    boolean warmStart = true;
    Path report = Path.of("target", "load-report.md");
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String option = rest.remove(0);
      if (option.startsWith("--spring.")) {
        continue; // added by the Spring Boot Maven plugin; the driver sets the profile itself
      }
      switch (option) {
        case "--reseed" -> reseed = true;
        case "--no-warm-start" -> warmStart = false;
        case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
        default -> {
          if (rest.isEmpty()) {
            throw new IllegalArgumentException("missing value of " + option + "\n" + USAGE);
          }
          String value = rest.remove(0);
          switch (option) {
            case "--orgs" -> orgs = positive(option, value);
            case "--connections" -> connections = positive(option, value);
            case "--small-org-connections" -> small = positive(option, value);
            case "--jobs" -> jobs = positive(option, value);
            case "--rounds" -> rounds = positive(option, value);
            case "--schema" -> schema = identifier(value);
            case "--seed-threads" -> seedThreads = positive(option, value);
            case "--worker-threads" -> workerThreads = positive(option, value);
            case "--max-jobs-active" -> maxJobsActive = positive(option, value);
            case "--requests" -> requests = positive(option, value);
            case "--resolutions" -> resolutions = positive(option, value);
            case "--edits-per-second" -> edits = positive(option, value);
            case "--report" -> report = Path.of(value);
            default ->
                throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
          }
        }
      }
    }
    int smallOrgConnections = small != null ? small : Math.min(100, connections);
    return new LoadOptions(
        orgs,
        connections,
        smallOrgConnections,
        jobs,
        rounds,
        schema,
        reseed,
        seedThreads,
        workerThreads,
        maxJobsActive,
        requests,
        resolutions,
        edits,
        warmStart,
        report);
  }

  private static int positive(String option, String value) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, not '" + value + "'");
    }
    if (n < 1) {
      throw new IllegalArgumentException(option + " must be at least 1");
    }
    return n;
  }

  /** The schema name goes into SQL: lower-case identifier characters only. */
  private static String identifier(String value) {
    if (!value.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("--schema must match [a-z_][a-z0-9_]*: " + value);
    }
    return value;
  }

  /** The key of the connection that marks a complete seed of exactly this size. */
  String seedMarkerKey() {
    return "load-seed-o" + orgs + "-c" + connections + "-s" + smallOrgConnections;
  }
}
