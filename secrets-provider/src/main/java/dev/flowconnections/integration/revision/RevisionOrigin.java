package dev.flowconnections.integration.revision;

import dev.flowconnections.audit.AuditAction;

/**
 * Why a revision exists: the save that wrote it, and for a restore or an activation the revision it
 * came from. The audit action of the save follows from it, so a restore is recorded as one.
 *
 * @param sourceRevision the revision restored from, or the draft activated; null otherwise
 */
public record RevisionOrigin(Kind kind, Integer sourceRevision) {

  public enum Kind {
    CREATED,
    UPDATED,
    /** A draft revision was applied. */
    ACTIVATED,
    /** An earlier revision's snapshot was applied as a new revision. */
    RESTORED,
    /** Revision 1 of an integration that existed before revisions were kept (migration V12). */
    MIGRATED,
    /** Not applied: a draft revision. */
    DRAFT
  }

  public static final RevisionOrigin CREATED = new RevisionOrigin(Kind.CREATED, null);
  public static final RevisionOrigin UPDATED = new RevisionOrigin(Kind.UPDATED, null);

  public static RevisionOrigin restoredFrom(int revision) {
    return new RevisionOrigin(Kind.RESTORED, revision);
  }

  public static RevisionOrigin activated(int draftRevision) {
    return new RevisionOrigin(Kind.ACTIVATED, draftRevision);
  }

  /** The audit action of the save that writes this revision. */
  public AuditAction auditAction() {
    return switch (kind) {
      case CREATED -> AuditAction.INTEGRATION_CREATED;
      case ACTIVATED -> AuditAction.INTEGRATION_REVISION_ACTIVATED;
      case RESTORED -> AuditAction.INTEGRATION_REVISION_RESTORED;
      case UPDATED, MIGRATED, DRAFT -> AuditAction.INTEGRATION_UPDATED;
    };
  }
}
