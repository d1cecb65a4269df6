package dev.flowconnections.audit;

import dev.flowconnections.environment.Environment;
import java.time.Instant;

/**
 * Filters of the audit log; every one is optional. {@code from} is inclusive, {@code to} exclusive.
 * Pages count from 0; the newest events come first.
 */
public record AuditQuery(
    String actor,
    AuditAction action,
    String connectionKey,
    Environment environment,
    Long processInstanceKey,
    Instant from,
    Instant to,
    int page,
    int size) {

  public static final int MAX_SIZE = 500;

  public static AuditQuery firstPage(int size) {
    return new AuditQuery(null, null, null, null, null, null, null, 0, size);
  }
}
