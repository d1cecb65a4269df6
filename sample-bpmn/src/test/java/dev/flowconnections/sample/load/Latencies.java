package dev.flowconnections.sample.load;

import java.util.Arrays;
import java.util.Locale;

/** Durations of one kind of operation, in nanoseconds, and their percentiles. */
final class Latencies {

  private long[] nanos = new long[64];
  private int count;

  synchronized void add(long durationNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = durationNanos;
  }

  /** Times {@code work} and records its duration. */
  <T> T time(java.util.concurrent.Callable<T> work) throws Exception {
    long start = System.nanoTime();
    T result = work.call();
    add(System.nanoTime() - start);
    return result;
  }

  synchronized int count() {
    return count;
  }

  /** The {@code p}-th percentile (0 < p <= 100, nearest rank) in milliseconds. */
  synchronized double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1_000_000.0;
  }

  /** "p50 1.2 / p95 3.4 / p99 5.6 ms (n=200)" */
  String summary() {
    return String.format(
        Locale.ROOT,
        "p50 %.2f / p95 %.2f / p99 %.2f ms (n=%d)",
        percentileMillis(50),
        percentileMillis(95),
        percentileMillis(99),
        count());
  }
}
