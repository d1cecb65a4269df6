package dev.flowconnections.audit;

/** The kind of thing an audit event is about. */
public enum AuditSubject {
  CONNECTION,
  SECRET,
  INTEGRATION
}
