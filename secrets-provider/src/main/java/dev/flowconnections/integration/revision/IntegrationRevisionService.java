package dev.flowconnections.integration.revision;

import dev.flowconnections.access.Actor;
import dev.flowconnections.errors.ConflictException;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.revision.IntegrationSnapshots.Change;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An integration's version history for admins: list, compare, prepare a draft, activate it, restore
 * an earlier revision. Activating and restoring save through {@link IntegrationService#update}, so
 * they are validated, version-checked, audited and recorded like any edit; drafts change nothing
 * connections use until then.
 */
public class IntegrationRevisionService {

  private final IntegrationService integrationService;
  private final IntegrationRepository integrations;
  private final IntegrationRevisionRepository revisions;
  private final TransactionTemplate tx;
  private final Clock clock;

  public IntegrationRevisionService(
      IntegrationService integrationService,
      IntegrationRepository integrations,
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock) {
    this.integrationService = integrationService;
    this.integrations = integrations;
    this.revisions = new IntegrationRevisionRepository(jdbc);
    this.tx = tx;
    this.clock = clock;
  }

  /** Newest first, drafts included. */
  public List<IntegrationRevision> list(Actor actor, UUID id) {
    Integration current = readable(actor, id);
    return revisions.list(actor.organizationId(), id, current.version());
  }

  public IntegrationRevision get(Actor actor, UUID id, int revision) {
    return find(actor, readable(actor, id), revision);
  }

  /**
   * What {@code revision} changed compared with {@code against}, or, without one, with the saved
   * revision before it (a draft: with the active one, which it would replace).
   */
  public List<Change> diff(Actor actor, UUID id, int revision, Integer against) {
    Integration current = readable(actor, id);
    IntegrationRevision after = find(actor, current, revision);
    Integration before;
    if (against != null) {
      before = find(actor, current, against).snapshot();
    } else if (after.isDraft()) {
      before = current;
    } else {
      before =
          revisions
              .previousSaved(actor.organizationId(), id, revision)
              .map(n -> find(actor, current, n).snapshot())
              .orElse(null);
    }
    return IntegrationSnapshots.changes(before, after.snapshot());
  }

  /** Prepares {@code draft} (the body of an update) as a draft revision, checked as an update. */
  public IntegrationRevision createDraft(Actor actor, UUID id, IntegrationDraft draft) {
    Integration prepared = integrationService.preview(actor, id, draft);
    return tx.execute(
        s -> {
          Integration current = lockedWritable(actor, id);
          int number = revisions.nextNumber(id);
          Instant now = clock.instant();
          revisions.insert(
              actor.organizationId(),
              number,
              true,
              IntegrationSnapshots.write(prepared),
              List.of(),
              null,
              new RevisionOrigin(RevisionOrigin.Kind.DRAFT, null),
              now,
              actor.username(),
              id);
          return find(actor, current, number);
        });
  }

  public IntegrationRevision updateDraft(
      Actor actor, UUID id, int revision, IntegrationDraft draft) {
    Integration prepared = integrationService.preview(actor, id, draft);
    return tx.execute(
        s -> {
          Integration current = lockedWritable(actor, id);
          requireDraft(find(actor, current, revision));
          revisions.updateDraft(
              id,
              revision,
              IntegrationSnapshots.write(prepared),
              clock.instant(),
              actor.username());
          return find(actor, current, revision);
        });
  }

  public void discardDraft(Actor actor, UUID id, int revision) {
    tx.executeWithoutResult(
        s -> {
          Integration current = lockedWritable(actor, id);
          requireDraft(find(actor, current, revision));
          revisions.deleteDraft(id, revision);
        });
  }

  /**
   * Applies draft {@code revision}; it becomes the active revision.
   *
   * @param version the integration version the admin last read: a stale one is a conflict
   */
  public Integration activate(Actor actor, UUID id, int revision, Long version) {
    return tx.execute(
        s -> {
          IntegrationRevision draft = find(actor, lockedWritable(actor, id), revision);
          requireDraft(draft);
          return integrationService.update(
              actor,
              id,
              IntegrationSnapshots.asUpdate(draft.snapshot(), version),
              RevisionOrigin.activated(revision));
        });
  }

  /**
   * Applies the snapshot of an earlier {@code revision} as a new revision, checked by today's
   * rules.
   *
   * @param version the integration version the admin last read: a stale one is a conflict
   */
  public Integration restore(Actor actor, UUID id, int revision, Long version) {
    return tx.execute(
        s -> {
          IntegrationRevision earlier = find(actor, lockedWritable(actor, id), revision);
          if (earlier.isDraft()) {
            throw new ConflictException(
                "revision", "revision " + revision + " is a draft: activate it instead");
          }
          return integrationService.update(
              actor,
              id,
              IntegrationSnapshots.asUpdate(earlier.snapshot(), version),
              RevisionOrigin.restoredFrom(revision));
        });
  }

  /** History is admin business, like the integration's impact; integrations of others are 404. */
  private Integration readable(Actor actor, UUID id) {
    actor.requireAdmin("see the revisions of integrations");
    return integrations.find(actor.organizationId(), id).orElseThrow(() -> notFound(id));
  }

  private Integration lockedWritable(Actor actor, UUID id) {
    actor.requireAdmin("change integrations");
    Integration current =
        integrations.findForUpdate(actor.organizationId(), id).orElseThrow(() -> notFound(id));
    current.requireChangeableBy(actor, "change");
    return current;
  }

  private IntegrationRevision find(Actor actor, Integration current, int revision) {
    return revisions
        .find(actor.organizationId(), current.id(), revision, current.version())
        .orElseThrow(
            () ->
                new NotFoundException(
                    "integration " + current.id() + " has no revision " + revision));
  }

  private static void requireDraft(IntegrationRevision revision) {
    if (!revision.isDraft()) {
      throw new ConflictException(
          "revision", "revision " + revision.revision() + " is not a draft");
    }
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("integration " + id + " does not exist");
  }
}
