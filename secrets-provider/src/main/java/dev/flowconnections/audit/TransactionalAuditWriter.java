package dev.flowconnections.audit;

import org.springframework.context.event.EventListener;

/**
 * Writes the audit events the services publish for management changes. The listener runs in the
 * publishing thread, inside the service's transaction: an event is stored exactly when its change
 * commits, and a change whose audit row cannot be written is rolled back rather than left unaudited.
 */
public class TransactionalAuditWriter {

  private final AuditRepository repository;

  public TransactionalAuditWriter(AuditRepository repository) {
    this.repository = repository;
  }

  @EventListener
  public void on(AuditEvent event) {
    repository.insert(event);
  }
}
