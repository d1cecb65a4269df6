package dev.flowconnections.integration;

import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.access.Actor;
import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.change.ChangeRecorder;
import dev.flowconnections.connection.Connection;
import dev.flowconnections.connection.ConnectionRemover;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.errors.ConflictException;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.fields.FieldSchema;
import dev.flowconnections.fields.StdioCommands;
import dev.flowconnections.integration.revision.IntegrationRevisions;
import dev.flowconnections.integration.revision.RevisionOrigin;
import dev.flowconnections.paging.Page;
import dev.flowconnections.paging.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rules for integration definitions: who may change them, what may change, what a delete affects.
 */
public class IntegrationService {

  private final IntegrationRepository integrations;
  private final ConnectionRepository connections;
  private final ConnectionRemover connectionRemover;
  private final TransactionTemplate tx;
  private final ChangeRecorder changes;
  private final Clock clock;
  private final StdioCommands stdioCommands;
  private final IntegrationRevisions revisions;

  /** Refuses MCP STDIO integrations (no command allowed). */
  public IntegrationService(
      IntegrationRepository integrations,
      ConnectionRepository connections,
      ConnectionRemover connectionRemover,
      TransactionTemplate tx,
      ChangeRecorder changes,
      Clock clock,
      IntegrationRevisions revisions) {
    this(
        integrations,
        connections,
        connectionRemover,
        tx,
        changes,
        clock,
        StdioCommands.NONE,
        revisions);
  }

  /**
   * @param stdioCommands the MCP STDIO command lines the runtime's operator allows
   * @param revisions where every save is recorded as a revision of the integration
   */
  public IntegrationService(
      IntegrationRepository integrations,
      ConnectionRepository connections,
      ConnectionRemover connectionRemover,
      TransactionTemplate tx,
      ChangeRecorder changes,
      Clock clock,
      StdioCommands stdioCommands,
      IntegrationRevisions revisions) {
    this.stdioCommands = stdioCommands;
    this.revisions = revisions;
    this.integrations = integrations;
    this.connections = connections;
    this.connectionRemover = connectionRemover;
    this.tx = tx;
    this.changes = changes;
    this.clock = clock;
  }

  public Integration create(Actor actor, IntegrationDraft draft) {
    actor.requireAdmin("create integrations");
    ValidationException.Collector errors = new ValidationException.Collector();
    IntegrationDraftValidator.requireCreateFields(draft, errors);
    errors.throwIfAny();
    IntegrationConfig config =
        IntegrationDraftValidator.validate(
            draft, draft.type(), draft.authScheme(), stdioCommands, errors);
    LifecycleStatus status = draft.status() == null ? LifecycleStatus.ACTIVE : draft.status();
    errors.throwIfAny();
    Instant now = clock.instant();
    Integration integration =
        new Integration(
            UUID.randomUUID(),
            actor.organizationId(),
            draft.name().trim(),
            blankToNull(draft.description()),
            blankToNull(draft.domainVertical()),
            draft.type(),
            draft.scope() == null ? IntegrationScope.ORGANIZATION : draft.scope(),
            draft.configMode() == null ? ConfigMode.SAME_FOR_ALL : draft.configMode(),
            draft.authScheme() == null ? AuthScheme.NONE : draft.authScheme(),
            status,
            blankToNull(draft.openApiSpecUrl()),
            config,
            1,
            now,
            actor.username(),
            now,
            actor.username());
    requireScopeAllowed(actor, integration.scope());
    return tx.execute(
        s -> {
          if (integrations.existsByName(actor.organizationId(), integration.name(), null)) {
            throw new ConflictException(
                "name", "an integration named '" + integration.name() + "' already exists");
          }
          integrations.insert(integration);
          revisions.record(null, integration, RevisionOrigin.CREATED);
          changes.changed(
              AuditEvent.integration(
                  actor, now, AuditAction.INTEGRATION_CREATED, integration, List.of()));
          return integration;
        });
  }

  public Integration update(Actor actor, UUID id, IntegrationDraft draft) {
    return update(actor, id, draft, RevisionOrigin.UPDATED);
  }

  /**
   * Saves {@code draft} as the integration's new state; {@code origin} says why (an edit, a
   * restore, an activated draft revision) for its revision and audit event.
   */
  public Integration update(Actor actor, UUID id, IntegrationDraft draft, RevisionOrigin origin) {
    actor.requireAdmin("change integrations");
    return tx.execute(
        s -> {
          Integration current = find(actor, id, true);
          Integration updated = applied(actor, current, draft, true);
          if (!integrations.update(updated, current.version())) {
            throw ConflictException.staleVersion(
                "integration", draft.version(), current.version() + 1);
          }
          changes.changed(
              AuditEvent.integration(
                  actor,
                  updated.updatedAt(),
                  origin.auditAction(),
                  updated,
                  revisions.record(current, updated, origin)));
          return updated;
        });
  }

  /**
   * What {@link #update} would save, checked by the same rules but neither version-checked nor
   * saved: the content of a draft revision.
   */
  public Integration preview(Actor actor, UUID id, IntegrationDraft draft) {
    actor.requireAdmin("change integrations");
    return applied(actor, find(actor, id, false), draft, false);
  }

  /** {@code current} changed by {@code draft}, if the actor may and the result is valid. */
  private Integration applied(
      Actor actor, Integration current, IntegrationDraft draft, boolean versioned) {
    current.requireChangeableBy(actor, "change");
    ValidationException.Collector errors = new ValidationException.Collector();
    if (versioned && draft.version() == null) {
      errors.add("version", "is required: send the version you last read");
    }
    if (draft.type() != null && draft.type() != current.type()) {
      errors.add("type", "cannot be changed after creation (is " + current.type() + ")");
    }
    if (draft.name() == null || draft.name().isBlank()) {
      errors.add("name", "is required");
    }
    LifecycleStatus status = draft.status() == null ? current.status() : draft.status();
    if (!current.status().allowedNext().contains(status)) {
      errors.add("status", "cannot change from " + current.status() + " to " + status);
    }
    AuthScheme scheme = draft.authScheme() == null ? current.authScheme() : draft.authScheme();
    ConfigMode mode = draft.configMode() == null ? current.configMode() : draft.configMode();
    IntegrationDraft effective = draft.configMode() == null ? withMode(draft, mode) : draft;
    errors.throwIfAny();
    IntegrationConfig config =
        IntegrationDraftValidator.validate(
            effective, current.type(), scheme, stdioCommands, errors);
    errors.throwIfAny();
    if (versioned && draft.version() != current.version()) {
      throw ConflictException.staleVersion("integration", draft.version(), current.version());
    }
    IntegrationScope scope = draft.scope() == null ? current.scope() : draft.scope();
    if (scope != current.scope()) {
      requireScopeAllowed(actor, scope);
    }
    if (integrations.existsByName(actor.organizationId(), draft.name().trim(), current.id())) {
      throw new ConflictException(
          "name", "an integration named '" + draft.name().trim() + "' already exists");
    }
    return new Integration(
        current.id(),
        current.organizationId(),
        draft.name().trim(),
        blankToNull(draft.description()),
        blankToNull(draft.domainVertical()),
        current.type(),
        scope,
        mode,
        scheme,
        status,
        blankToNull(draft.openApiSpecUrl()),
        config,
        current.version() + 1,
        current.createdAt(),
        current.createdBy(),
        clock.instant(),
        actor.username(),
        current.hidden());
  }

  /**
   * Saves a change that is not an edit of the integration's form, e.g. an OpenAPI import: under the
   * same rules as {@link #update} (admins; System integrations super admins only), as the next
   * version of the integration, audited as an update naming {@code property}. {@code change} runs
   * in the transaction with the integration's row locked, may write rows of its own there, and
   * answers the changed integration, or null when nothing changed (then nothing is saved). Of its
   * answer only the OpenAPI document URL is taken: name, configuration and the rest change through
   * {@link #update} with its validation.
   *
   * @return the saved integration, or the current one when nothing changed
   */
  public Integration amend(
      Actor actor, UUID id, String property, UnaryOperator<Integration> change) {
    actor.requireAdmin("change integrations");
    return tx.execute(
        s -> {
          Integration current = find(actor, id, true);
          current.requireChangeableBy(actor, "change");
          Integration changed = change.apply(current);
          if (changed == null) {
            return current;
          }
          Instant now = clock.instant();
          Integration updated =
              current
                  .withOpenApiSpecUrl(changed.openApiSpecUrl())
                  .savedAsNextVersion(actor.username(), now);
          if (!integrations.update(updated, current.version())) {
            throw ConflictException.staleVersion(
                "integration", current.version(), current.version() + 1);
          }
          List<String> properties = new ArrayList<>(List.of(property));
          properties.addAll(revisions.record(current, updated, RevisionOrigin.UPDATED));
          changes.changed(
              AuditEvent.integration(
                  actor,
                  now,
                  AuditAction.INTEGRATION_UPDATED,
                  updated,
                  properties.stream().distinct().toList()));
          return updated;
        });
  }

  public Integration get(Actor actor, UUID id) {
    return find(actor, id, false);
  }

  /** The organization's integrations; hidden ones only for super admins. */
  public List<Integration> list(Actor actor, IntegrationFilter filter) {
    return page(actor, filter, PageRequest.ALL).items();
  }

  /**
   * One page of the organization's integrations matching {@code filter}, by name; hidden ones only
   * for super admins (as {@link Integration#offeredTo}).
   */
  public Page<Integration> page(Actor actor, IntegrationFilter filter, PageRequest request) {
    return integrations.page(actor.organizationId(), filter, actor.isSuperAdmin(), request);
  }

  /** The domain verticals the integrations the actor is offered carry, in name order. */
  public List<String> verticals(Actor actor) {
    return integrations.verticals(actor.organizationId(), actor.isSuperAdmin());
  }

  /**
   * Hides a System integration from everyone but super admins (lists, new connections) or shows it
   * again. Its connections keep working. Not an edit: the version stays, and the catalogue may
   * still update an entry it wrote.
   */
  public Integration setHidden(Actor actor, UUID id, boolean hidden) {
    actor.requireSuperAdmin("hide or show System integrations");
    return tx.execute(
        s -> {
          Integration current = find(actor, id, true);
          if (current.scope() != IntegrationScope.SYSTEM) {
            throw new ValidationException(
                "hidden", "only System integrations are hidden; delete an Organization one");
          }
          if (current.hidden() == hidden) {
            return current;
          }
          integrations.setHidden(actor.organizationId(), id, hidden);
          Integration changed = integrations.find(actor.organizationId(), id).orElseThrow();
          changes.changed(
              AuditEvent.integration(
                  actor,
                  clock.instant(),
                  AuditAction.INTEGRATION_UPDATED,
                  changed,
                  List.of("hidden")));
          return changed;
        });
  }

  public FieldSchema fields(Actor actor, UUID id) {
    Integration integration = get(actor, id);
    return FieldCatalog.schemaFor(integration.type(), integration.authScheme());
  }

  /**
   * The connections a delete would remove that the actor may see. Other users' PERSONAL connections
   * are removed too but only counted ({@link #hiddenImpactOfDelete}): their names stay with their
   * owners.
   */
  public List<Connection> impactOfDelete(Actor actor, UUID id) {
    actor.requireAdmin("see what deleting an integration removes");
    find(actor, id, false);
    return visibleTo(actor, connections.listByIntegration(actor.organizationId(), id));
  }

  /** How many PERSONAL connections of other users a delete would remove as well. */
  public int hiddenImpactOfDelete(Actor actor, UUID id) {
    actor.requireAdmin("see what deleting an integration removes");
    find(actor, id, false);
    List<Connection> all = connections.listByIntegration(actor.organizationId(), id);
    return all.size() - visibleTo(actor, all).size();
  }

  private static List<Connection> visibleTo(Actor actor, List<Connection> all) {
    return all.stream().filter(c -> c.visibleTo(actor.username())).toList();
  }

  /**
   * Deletes the integration. With connections it answers 409 listing them, unless {@code force},
   * which deletes those connections and their credentials too.
   */
  public List<Connection> delete(Actor actor, UUID id, boolean force) {
    actor.requireAdmin("delete integrations");
    return tx.execute(
        s -> {
          Integration current = find(actor, id, true);
          current.requireChangeableBy(actor, "delete");
          List<Connection> affected = connections.listByIntegration(actor.organizationId(), id);
          if (!affected.isEmpty() && !force) {
            List<Connection> visible = visibleTo(actor, affected);
            throw new ConflictException(
                "force",
                "integration '"
                    + current.name()
                    + "' is used by "
                    + affected.size()
                    + " connection(s); delete with force=true to remove them too",
                Map.of(
                    "connections",
                    visible.stream()
                        .map(c -> Map.of("id", c.id(), "key", c.key(), "name", c.name()))
                        .toList(),
                    "personalConnectionsOfOtherUsers",
                    affected.size() - visible.size()));
          }
          affected.forEach(connectionRemover::remove);
          integrations.delete(actor.organizationId(), id);
          Instant now = clock.instant();
          List<AuditEvent> deleted = new ArrayList<>();
          affected.forEach(
              c ->
                  deleted.add(
                      AuditEvent.connection(
                          actor, now, AuditAction.CONNECTION_DELETED, c, null, List.of())));
          deleted.add(
              AuditEvent.integration(
                  actor, now, AuditAction.INTEGRATION_DELETED, current, List.of()));
          changes.changed(deleted);
          return affected;
        });
  }

  private Integration find(Actor actor, UUID id, boolean lock) {
    return (lock
            ? integrations.findForUpdate(actor.organizationId(), id)
            : integrations.find(actor.organizationId(), id))
        .orElseThrow(() -> new NotFoundException("integration " + id + " does not exist"));
  }

  private static void requireScopeAllowed(Actor actor, IntegrationScope scope) {
    if (scope == IntegrationScope.SYSTEM && !actor.isSuperAdmin()) {
      throw new AccessDeniedException("only super admins may define System integrations");
    }
  }

  private static IntegrationDraft withMode(IntegrationDraft d, ConfigMode mode) {
    return new IntegrationDraft(
        d.name(),
        d.description(),
        d.domainVertical(),
        d.type(),
        d.scope(),
        mode,
        d.authScheme(),
        d.status(),
        d.openApiSpecUrl(),
        d.config(),
        d.environments(),
        d.version());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
