package dev.flowconnections.scope;

import dev.flowconnections.audit.AuditSubject;
import dev.flowconnections.resolution.ConnectionResolutionException;

/**
 * A connection or an org secret may not be used by the calling process. A configuration problem
 * like any other (the job gets an incident without retries), and in addition a refusal the audit
 * log records. The message names the connection or secret and the process, never an owner or a
 * value.
 */
public class ProcessScopeException extends ConnectionResolutionException {

  private final AuditSubject subject;
  private final String subjectKey;

  public ProcessScopeException(String message, AuditSubject subject, String subjectKey) {
    super(message);
    this.subject = subject;
    this.subjectKey = subjectKey;
  }

  /** CONNECTION or SECRET: what was refused. */
  public AuditSubject subject() {
    return subject;
  }

  /** The refused connection's or secret's key. */
  public String subjectKey() {
    return subjectKey;
  }
}
