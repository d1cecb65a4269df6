package dev.flowconnections.integration.revision;

import dev.flowconnections.integration.Integration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one place that writes an integration's history. Every path that saves an integration calls
 * {@link #record} in the transaction of the save, with the row locked, so no save goes without its
 * revision.
 */
public class IntegrationRevisions {

  private final IntegrationRevisionRepository revisions;

  public IntegrationRevisions(JdbcClient jdbc) {
    this(new IntegrationRevisionRepository(jdbc));
  }

  IntegrationRevisions(IntegrationRevisionRepository revisions) {
    this.revisions = revisions;
  }

  /**
   * Records that {@code after} was saved, by {@code after.updatedBy()} at {@code
   * after.updatedAt()}: a new revision, or, when a draft was activated, that draft as saved.
   *
   * @param before the integration before the save; null when it was created
   * @return the names of the properties the save changed, e.g. {@code config.PRODUCTION.baseUrl}
   */
  public List<String> record(Integration before, Integration after, RevisionOrigin origin) {
    List<String> changed = IntegrationSnapshots.changedPaths(before, after);
    String snapshot = IntegrationSnapshots.write(after);
    if (origin.kind() == RevisionOrigin.Kind.ACTIVATED) {
      revisions.saveDraft(
          after.id(),
          origin.sourceRevision(),
          snapshot,
          changed,
          after.version(),
          after.updatedAt(),
          after.updatedBy());
    } else {
      revisions.insert(
          after.organizationId(),
          revisions.nextNumber(after.id()),
          false,
          snapshot,
          changed,
          after.version(),
          origin,
          after.updatedAt(),
          after.updatedBy(),
          after.id());
    }
    return changed;
  }
}
