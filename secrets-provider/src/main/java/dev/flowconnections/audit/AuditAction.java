package dev.flowconnections.audit;

/** What an audit event records; each action belongs to one kind of subject. */
public enum AuditAction {
  CONNECTION_CREATED(AuditSubject.CONNECTION),
  CONNECTION_UPDATED(AuditSubject.CONNECTION),
  CONNECTION_DELETED(AuditSubject.CONNECTION),
  CREDENTIALS_CHANGED(AuditSubject.CONNECTION),
  CREDENTIALS_DELETED(AuditSubject.CONNECTION),
  CONNECTION_TESTED(AuditSubject.CONNECTION),
  /** A job worker resolved the connection for a process instance. */
  CONNECTION_READ(AuditSubject.CONNECTION),
  /**
   * A job's process was refused the connection: it is not among the processes allowed to use it.
   */
  CONNECTION_READ_REFUSED(AuditSubject.CONNECTION),
  SECRET_CREATED(AuditSubject.SECRET),
  SECRET_ROTATED(AuditSubject.SECRET),
  SECRET_DELETED(AuditSubject.SECRET),
  /** The secret's allowed processes changed, its value did not. */
  SECRET_UPDATED(AuditSubject.SECRET),
  /**
   * A job's process was refused the org secret (directly or through a connection's @@SECRET@@
   * reference).
   */
  SECRET_READ_REFUSED(AuditSubject.SECRET),
  INTEGRATION_CREATED(AuditSubject.INTEGRATION),
  INTEGRATION_UPDATED(AuditSubject.INTEGRATION),
  INTEGRATION_DELETED(AuditSubject.INTEGRATION),
  /** A draft revision of the integration was applied and is now what connections use. */
  INTEGRATION_REVISION_ACTIVATED(AuditSubject.INTEGRATION),
  /** An earlier revision of the integration was applied again, as a new revision. */
  INTEGRATION_REVISION_RESTORED(AuditSubject.INTEGRATION);

  private final AuditSubject subject;

  AuditAction(AuditSubject subject) {
    this.subject = subject;
  }

  public AuditSubject subject() {
    return subject;
  }
}
