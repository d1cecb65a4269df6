package dev.flowconnections.runtime.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts how jobs ended on this runtime, by job type (one per worker) and outcome, as operators
 * need them apart: a retry heals by itself, an incident needs a person. Tags never hold a variable,
 * a connection key or a secret: the job type and a fixed outcome name only.
 */
public final class JobOutcomes {

  public static final String JOBS = "flow.connections.jobs";

  /** Each value is the {@code outcome} tag. */
  public enum Outcome {
    /** completed */
    COMPLETED("completed"),
    /** failed with retries left: Zeebe offers it again after the backoff */
    RETRY("retry"),
    /** failed without retries left (e.g. a ConnectorInputException): an incident */
    INCIDENT("incident"),
    /** an error expression turned the result or failure into a BPMN error */
    BPMN_ERROR("bpmn_error"),
    /** not finished when the runtime shut down: handed back with its retries unchanged */
    FAILED_BACK_AT_SHUTDOWN("failed_back_at_shutdown");

    private final String tag;

    Outcome(String tag) {
      this.tag = tag;
    }

    public String tag() {
      return tag;
    }
  }

  private final MeterRegistry registry;
  private final Map<String, Map<Outcome, Counter>> counters = new ConcurrentHashMap<>();

  public JobOutcomes(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Registers every outcome of {@code jobType} at zero, when its worker opens. Spring Boot closes
   * the meter registry as the context starts closing and a closed registry takes no new meters: a
   * job handed back during shutdown could not be counted otherwise (nor could {@code rate()} see a
   * first increment).
   */
  public void register(String jobType) {
    counters.computeIfAbsent(
        jobType,
        type -> {
          Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
          for (Outcome outcome : Outcome.values()) {
            byOutcome.put(
                outcome,
                Counter.builder(JOBS)
                    .description("Jobs by job type and how they ended on this runtime")
                    .tag("type", type)
                    .tag("outcome", outcome.tag())
                    .register(registry));
          }
          return byOutcome;
        });
  }

  public void count(String jobType, Outcome outcome) {
    register(jobType);
    counters.get(jobType).get(outcome).increment();
  }

  /** A fail command's outcome, by the retries it leaves. */
  static Outcome ofFailure(int remainingRetries) {
    return remainingRetries > 0 ? Outcome.RETRY : Outcome.INCIDENT;
  }
}
