package dev.flowconnections.runtime.audit;

import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.audit.AuditSubject;
import dev.flowconnections.environment.Environment;
import java.time.Instant;
import java.util.List;

/**
 * One audit event as the API shows it. {@code personal} marks a PERSONAL connection; when it is
 * another user's, {@code subjectKey} and {@code subjectId} are null.
 */
record AuditEventResponse(
    long id,
    Instant occurredAt,
    String actor,
    AuditAction action,
    AuditSubject subjectType,
    String subjectId,
    String subjectKey,
    boolean personal,
    Environment environment,
    List<String> changedFields,
    String outcome,
    Long processInstanceKey,
    String bpmnProcessId,
    String elementId,
    Long elementInstanceKey,
    String worker) {

  static AuditEventResponse of(AuditEvent e) {
    var p = e.process();
    return new AuditEventResponse(
        e.id(),
        e.occurredAt(),
        e.actor(),
        e.action(),
        e.subjectType(),
        e.subjectId(),
        e.subjectKey(),
        e.personalOwner() != null,
        e.environment(),
        e.changedFields(),
        e.outcome(),
        p == null ? null : p.processInstanceKey(),
        p == null ? null : p.bpmnProcessId(),
        p == null ? null : p.elementId(),
        p == null ? null : p.elementInstanceKey(),
        e.worker());
  }
}
