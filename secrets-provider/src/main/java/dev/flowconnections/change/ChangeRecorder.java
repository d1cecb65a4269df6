package dev.flowconnections.change;

import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.audit.AuditRepository;
import dev.flowconnections.resolution.ResolutionInputsChanged;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What every change to a resolution input (integration, connection, credentials, org secret, OAuth2
 * tokens) must cause, in the one call the changing method makes inside its transaction:
 *
 * <ul>
 *   <li>the audit row(s), written in that transaction: the change and its record commit or roll
 *       back together, and a change whose row cannot be written does not happen;
 *   <li>{@link ResolutionInputsChanged} for the organization: this instance's resolver cache drops
 *       the organization's entries once the transaction commits, the change notifier tells the
 *       other instances (NOTIFY in the transaction), SQL pools and element templates follow.
 * </ul>
 *
 * A method that records an action without changing a resolution input (a connection test) calls
 * {@link #audited} instead.
 */
public class ChangeRecorder {

  private final AuditRepository audit;
  private final ApplicationEventPublisher events;

  public ChangeRecorder(AuditRepository audit, ApplicationEventPublisher events) {
    this.audit = audit;
    this.events = events;
  }

  /** A resolution input changed: its audit row, and the organization's caches are invalidated. */
  public void changed(AuditEvent event) {
    changed(List.of(event));
  }

  /**
   * One change recorded by several audit rows (an integration deleted with its connections), all of
   * one organization.
   */
  public void changed(List<AuditEvent> auditEvents) {
    String organizationId = auditEvents.getFirst().organizationId();
    if (auditEvents.stream().anyMatch(e -> !e.organizationId().equals(organizationId))) {
      throw new IllegalArgumentException("one change belongs to one organization");
    }
    requireTransaction();
    audit.insertAll(auditEvents);
    events.publishEvent(new ResolutionInputsChanged(organizationId));
  }

  /** An audited action that changes nothing a connection is resolved from. */
  public void audited(AuditEvent event) {
    requireTransaction();
    audit.insert(event);
  }

  private static void requireTransaction() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      // outside a transaction the audit row could stay while the change fails, or the reverse
      throw new IllegalStateException("a change is recorded inside the transaction that makes it");
    }
  }
}
