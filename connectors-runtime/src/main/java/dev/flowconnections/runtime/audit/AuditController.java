package dev.flowconnections.runtime.audit;

import dev.flowconnections.access.Actor;
import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.audit.AuditLogService;
import dev.flowconnections.audit.AuditPage;
import dev.flowconnections.audit.AuditQuery;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ValidationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit}: the organization's audit log for administrators, newest first. Filters
 * are parsed here, not by Spring's binding, so a bad one is a 400 naming the query parameter.
 */
@RestController
class AuditController {

  private static final int DEFAULT_SIZE = 50;

  private final AuditLogService auditLog;

  AuditController(AuditLogService auditLog) {
    this.auditLog = auditLog;
  }

  @GetMapping("/api/audit")
  AuditPageResponse search(
      Actor actor,
      @RequestParam(name = "actor", required = false) String username,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String connection,
      @RequestParam(required = false) String environment,
      @RequestParam(required = false) String processInstanceKey,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    ValidationException.Collector errors = new ValidationException.Collector();
    AuditQuery query =
        new AuditQuery(
            blankToNull(username),
            parse(
                "action",
                action,
                v -> AuditAction.valueOf(v.trim().toUpperCase(Locale.ROOT)),
                "must be one of " + Arrays.toString(AuditAction.values()),
                errors),
            blankToNull(connection),
            parse(
                "environment",
                environment,
                v -> Environment.parse(v).orElseThrow(),
                "must be one of " + Arrays.toString(Environment.values()),
                errors),
            parse(
                "processInstanceKey",
                processInstanceKey,
                v -> Long.parseLong(v.trim()),
                "must be a number",
                errors),
            parse(
                "from",
                from,
                v -> Instant.parse(v.trim()),
                "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z",
                errors),
            parse(
                "to",
                to,
                v -> Instant.parse(v.trim()),
                "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z",
                errors),
            orDefault(
                parse("page", page, v -> Integer.parseInt(v.trim()), "must be a number", errors),
                0),
            orDefault(
                parse("size", size, v -> Integer.parseInt(v.trim()), "must be a number", errors),
                DEFAULT_SIZE));
    errors.throwIfAny();
    AuditPage result = auditLog.search(actor, query);
    return new AuditPageResponse(
        result.items().stream().map(AuditEventResponse::of).toList(),
        result.page(),
        result.size(),
        result.hasMore());
  }

  private static <T> T parse(
      String field,
      String value,
      Function<String, T> parser,
      String message,
      ValidationException.Collector errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (RuntimeException e) { // NumberFormat, DateTimeParse, IllegalArgument, NoSuchElement
      errors.add(field, message);
      return null;
    }
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  record AuditPageResponse(List<AuditEventResponse> items, int page, int size, boolean hasMore) {}
}
