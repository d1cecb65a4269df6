package dev.flowconnections.audit;

import dev.flowconnections.access.Actor;
import dev.flowconnections.errors.ValidationException;

/** Reading the audit log: administrators of an organization see its events, no one else's. */
public class AuditLogService {

  private final AuditRepository repository;

  public AuditLogService(AuditRepository repository) {
    this.repository = repository;
  }

  public AuditPage search(Actor actor, AuditQuery query) {
    actor.requireAdmin("read the audit log");
    ValidationException.Collector errors = new ValidationException.Collector();
    if (query.page() < 0) {
      errors.add("page", "must be 0 or more");
    }
    if (query.size() < 1 || query.size() > AuditQuery.MAX_SIZE) {
      errors.add("size", "must be between 1 and " + AuditQuery.MAX_SIZE);
    }
    if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
      errors.add("to", "must be after from");
    }
    errors.throwIfAny();
    AuditPage page = repository.search(actor.organizationId(), actor.username(), query);
    return new AuditPage(
        page.items().stream().map(e -> e.visibleTo(actor.username())).toList(),
        page.page(),
        page.size(),
        page.hasMore());
  }
}
