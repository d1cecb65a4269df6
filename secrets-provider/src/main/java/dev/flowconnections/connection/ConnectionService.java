package dev.flowconnections.connection;

import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.access.Actor;
import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.change.ChangeRecorder;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.credential.StoredCredentials;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ConflictException;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.fields.FieldDefinition;
import dev.flowconnections.fields.FieldSchema;
import dev.flowconnections.fields.FieldValidator;
import dev.flowconnections.fields.StdioEnvironment;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.paging.Page;
import dev.flowconnections.paging.PageRequest;
import dev.flowconnections.scope.AllowedProcesses;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connections and their per-environment credentials. Any user manages connections; PERSONAL ones
 * exist only for their owner (others get 404, so their names do not leak).
 */
public class ConnectionService {

  private final ConnectionRepository connections;
  private final IntegrationRepository integrations;
  private final CredentialStore credentials;
  private final ConnectionRemover remover;
  private final TransactionTemplate tx;
  private final ChangeRecorder changes;
  private final Clock clock;

  public ConnectionService(
      ConnectionRepository connections,
      IntegrationRepository integrations,
      CredentialStore credentials,
      ConnectionRemover remover,
      TransactionTemplate tx,
      ChangeRecorder changes,
      Clock clock) {
    this.connections = connections;
    this.integrations = integrations;
    this.credentials = credentials;
    this.remover = remover;
    this.tx = tx;
    this.changes = changes;
    this.clock = clock;
  }

  public ConnectionView create(Actor actor, ConnectionDraft draft) {
    ValidationException.Collector errors = new ValidationException.Collector();
    if (draft.integrationId() == null) {
      errors.add("integrationId", "is required");
    }
    requireName(draft.name(), errors);
    if (draft.visibility() == null) {
      errors.add("visibility", "is required; one of " + List.of(Visibility.values()));
    }
    boolean derivedKey = draft.key() == null || draft.key().isBlank();
    String slug = derivedKey ? ConnectionKeys.fromName(nullToEmpty(draft.name())) : draft.key();
    if (draft.name() != null && !draft.name().isBlank() && !ConnectionKeys.isValid(slug)) {
      errors.add(
          derivedKey ? "name" : "key",
          "must yield a key of lowercase letters, digits and '-' (derived key: '" + slug + "')");
    }
    List<String> allowedProcesses =
        AllowedProcesses.validate(draft.allowedProcesses(), "allowedProcesses", errors);
    errors.throwIfAny();
    boolean allowedInProduction = Boolean.TRUE.equals(draft.allowedInProduction());
    if (allowedInProduction) {
      requireAdminForProduction(actor);
    }
    // a personal key lives in the owner's namespace: it never collides with (or reveals) anyone
    // else's
    String key =
        draft.visibility() == Visibility.PERSONAL
            ? ConnectionKeys.personal(slug, actor.username())
            : slug;
    return tx.execute(
        s -> {
          Integration integration =
              integrations
                  .find(actor.organizationId(), draft.integrationId())
                  .orElseThrow(
                      () ->
                          new ValidationException(
                              "integrationId", "no integration with this id exists"));
          if (!integration.status().acceptsNewConnections()) {
            throw new ValidationException(
                "integrationId",
                "integration '"
                    + integration.name()
                    + "' is "
                    + integration.status()
                    + " and accepts no new connections");
          }
          if (!integration.offeredTo(actor)) {
            throw new ValidationException(
                "integrationId",
                "integration '"
                    + integration.name()
                    + "' is hidden by a super admin and accepts no new connections");
          }
          String name = draft.name().trim();
          requireFreeName(actor.organizationId(), name, actor.username(), null);
          if (connections.existsByKey(actor.organizationId(), key)) {
            throw new ConflictException(
                derivedKey ? "name" : "key", "a connection with key '" + key + "' already exists");
          }
          Instant now = clock.instant();
          Connection connection =
              new Connection(
                  UUID.randomUUID(),
                  actor.organizationId(),
                  key,
                  name,
                  integration.id(),
                  draft.visibility(),
                  actor.username(),
                  1,
                  now,
                  actor.username(),
                  now,
                  actor.username(),
                  Map.of(),
                  allowedProcesses,
                  allowedInProduction);
          connections.insert(connection);
          changes.changed(
              AuditEvent.connection(
                  actor,
                  clock.instant(),
                  AuditAction.CONNECTION_CREATED,
                  connection,
                  null,
                  List.of()));
          return view(connection, integration);
        });
  }

  public ConnectionView update(Actor actor, UUID id, ConnectionDraft draft) {
    ValidationException.Collector errors = new ValidationException.Collector();
    requireName(draft.name(), errors);
    if (draft.version() == null) {
      errors.add("version", "is required: send the version you last read");
    }
    List<String> allowedProcesses =
        AllowedProcesses.validate(draft.allowedProcesses(), "allowedProcesses", errors);
    errors.throwIfAny();
    return tx.execute(
        s -> {
          Connection current = visible(actor, id, true);
          if (draft.integrationId() != null
              && !draft.integrationId().equals(current.integrationId())) {
            throw new ValidationException(
                "integrationId", "cannot be changed; create a new connection instead");
          }
          if (draft.key() != null && !draft.key().isBlank() && !draft.key().equals(current.key())) {
            throw new ValidationException(
                "key", "cannot be changed: processes refer to the connection by it");
          }
          if (draft.version() != current.version()) {
            throw ConflictException.staleVersion("connection", draft.version(), current.version());
          }
          Visibility visibility =
              draft.visibility() == null ? current.visibility() : draft.visibility();
          String owner = ownerAfter(actor, current, visibility);
          String name = draft.name().trim();
          // the actor's view, not the owner's: a rename of a shared connection must not reveal the
          // owner's personal names
          requireFreeName(actor.organizationId(), name, actor.username(), id);
          boolean allowedInProduction =
              allowedInProduction(actor, current, visibility, draft.allowedInProduction());
          Connection updated =
              new Connection(
                  id,
                  current.organizationId(),
                  current.key(),
                  name,
                  current.integrationId(),
                  visibility,
                  owner,
                  current.version() + 1,
                  current.createdAt(),
                  current.createdBy(),
                  clock.instant(),
                  actor.username(),
                  current.environments(),
                  allowedProcesses == null ? current.allowedProcesses() : allowedProcesses,
                  allowedInProduction);
          saveUpdated(actor, current, updated, changedProperties(current, updated));
          return view(updated, integrationOf(updated));
        });
  }

  /**
   * Step 2 of the wizard, one environment row: non-secret fields replace stored ones (blank clears
   * an optional one); a blank or absent secret field keeps the stored secret. Required fields must
   * be set afterwards. With {@code version}, a stale version is a conflict.
   */
  public ConnectionView putEnvironment(
      Actor actor, UUID id, Environment environment, Map<String, Object> fields, Long version) {
    return tx.execute(
        s -> {
          Connection current = visible(actor, id, true);
          if (version != null && version != current.version()) {
            throw ConflictException.staleVersion("connection", version, current.version());
          }
          Integration integration = integrationOf(current);
          FieldSchema schema = FieldCatalog.schemaFor(integration.type(), integration.authScheme());
          String path = "fields.";
          ValidationException.Collector errors = new ValidationException.Collector();
          Map<String, Object> given =
              FieldValidator.normalize(schema.connectionFields(), fields, path, errors);
          if (integration.type() == IntegrationType.MCP) {
            // a STDIO server's variables are code on the runtime's host: only names the admin
            // declared
            StdioEnvironment.checkConnectionValues(
                EnvironmentStatuses.integrationSettings(integration, environment),
                given,
                path,
                errors);
          }
          errors.throwIfAny();

          ConnectionEnvironment stored = current.environments().get(environment);
          Map<String, Object> settings =
              new LinkedHashMap<>(stored == null ? Map.of() : stored.settings());
          Map<String, Object> secretUpdates = new LinkedHashMap<>();
          given.forEach(
              (name, value) -> {
                FieldDefinition definition = schema.connectionField(name).orElseThrow();
                if (definition.secret()) {
                  if (value != null) {
                    secretUpdates.put(name, value);
                  }
                } else if (value == null) {
                  settings.remove(name);
                } else {
                  settings.put(name, value);
                }
              });
          Set<String> secretNames =
              new HashSet<>(stored == null ? Set.of() : stored.secretFieldsSet());
          secretNames.retainAll(
              schema.connectionFields().stream()
                  .filter(FieldDefinition::secret)
                  .map(FieldDefinition::name)
                  .toList());
          secretNames.addAll(secretUpdates.keySet());
          Set<String> present = new HashSet<>(secretNames);
          present.addAll(settings.keySet());
          FieldValidator.requirePresent(
              schema.connectionFields(),
              present,
              EnvironmentStatuses.integrationSettings(integration, environment),
              path,
              errors);
          errors.throwIfAny();

          CredentialLocation location = location(current, environment);
          // also rewrite when stored secrets fell out of the schema (e.g. OAuth2 tokens of an
          // earlier
          // authorisation): what the row no longer lists must not stay readable by the resolver
          if (!secretUpdates.isEmpty()
              || stored == null
              || !secretNames.containsAll(stored.secretFieldsSet())) {
            // the store's version goes with the write, so a concurrent edit in the store (Vault) is
            // a conflict
            StoredCredentials inStore = credentials.readForUpdate(location);
            SecretValues base =
                stored == null
                    ? SecretValues.empty()
                    : inStore.values().orElse(SecretValues.empty());
            Map<String, Object> kept = new LinkedHashMap<>(base.asMap());
            kept.keySet().retainAll(secretNames);
            credentials.write(
                location, SecretValues.of(kept).with(secretUpdates), inStore.version());
          }
          Instant now = clock.instant();
          ConnectionEnvironment updated =
              new ConnectionEnvironment(environment, settings, secretNames, now, actor.username());
          connections.upsertEnvironment(current.id(), updated);
          touch(current, now, actor);
          changes.changed(
              AuditEvent.connection(
                  actor,
                  clock.instant(),
                  AuditAction.CREDENTIALS_CHANGED,
                  current,
                  environment,
                  changedFields(
                      stored == null ? Map.of() : stored.settings(),
                      settings,
                      secretUpdates.keySet())));
          return view(reload(actor, id), integration);
        });
  }

  /** Removes one environment's credentials; processes in that environment then fail closed. */
  public ConnectionView deleteEnvironment(Actor actor, UUID id, Environment environment) {
    return tx.execute(
        s -> {
          Connection current = visible(actor, id, true);
          if (!current.environments().containsKey(environment)) {
            throw new NotFoundException(
                "connection '" + current.key() + "' has no credentials for " + environment);
          }
          credentials.delete(location(current, environment));
          connections.deleteEnvironment(id, environment);
          touch(current, clock.instant(), actor);
          changes.changed(
              AuditEvent.connection(
                  actor,
                  clock.instant(),
                  AuditAction.CREDENTIALS_DELETED,
                  current,
                  environment,
                  List.of()));
          return view(reload(actor, id), integrationOf(current));
        });
  }

  /**
   * Records a connection test of one environment the actor can see. The outcome is kept until the
   * environment's credentials change; it does not count as an edit of the connection (no version
   * bump). A test that ran on credentials replaced meanwhile is answered but not kept: its outcome
   * says nothing about the new ones.
   *
   * @param testedCredentialsOf {@code updatedAt} of the environment's credentials the test used
   */
  public EnvironmentTestResult recordTest(
      Actor actor,
      UUID id,
      Environment environment,
      Instant testedCredentialsOf,
      boolean ok,
      String message) {
    return tx.execute(
        s -> {
          Connection current = visible(actor, id, true);
          ConnectionEnvironment stored = current.environments().get(environment);
          if (stored == null) {
            throw new NotFoundException(
                "connection '" + current.key() + "' has no credentials for " + environment);
          }
          EnvironmentTestResult result =
              new EnvironmentTestResult(ok, message, clock.instant(), actor.username());
          if (stored.updatedAt().equals(testedCredentialsOf)) {
            connections.recordTest(id, environment, result);
          }
          changes.audited(AuditEvent.tested(actor, result.testedAt(), current, environment, ok));
          return result;
        });
  }

  /**
   * An administrator allows (or stops) a PERSONAL connection in PRODUCTION runtimes. Admins do not
   * see other users' personal connections, so this takes the id their owner handed over and answers
   * nothing about the connection; a wrong id is a 404 like any other.
   */
  public void setAllowedInProduction(Actor actor, UUID id, boolean allowed) {
    requireAdminForProduction(actor);
    tx.executeWithoutResult(
        s -> {
          Connection current =
              connections
                  .findForUpdate(actor.organizationId(), id)
                  .orElseThrow(() -> new NotFoundException("connection " + id + " does not exist"));
          if (current.allowedInProduction() == allowed) {
            return;
          }
          Connection updated =
              new Connection(
                  id,
                  current.organizationId(),
                  current.key(),
                  current.name(),
                  current.integrationId(),
                  current.visibility(),
                  current.owner(),
                  current.version() + 1,
                  current.createdAt(),
                  current.createdBy(),
                  clock.instant(),
                  actor.username(),
                  current.environments(),
                  current.allowedProcesses(),
                  allowed);
          saveUpdated(actor, current, updated, List.of("allowedInProduction"));
        });
  }

  public ConnectionView get(Actor actor, UUID id) {
    Connection connection = visible(actor, id, false);
    return view(connection, integrationOf(connection));
  }

  public List<ConnectionView> list(
      Actor actor, String search, IntegrationType type, UUID integrationId) {
    return list(actor, search, type, integrationId, null);
  }

  /**
   * The connections the actor sees, filtered by search text, integration type, integration and the
   * integration's domain vertical (case-insensitive); null means "any".
   */
  public List<ConnectionView> list(
      Actor actor, String search, IntegrationType type, UUID integrationId, String vertical) {
    return page(actor, new ConnectionQuery(search, type, integrationId, vertical), PageRequest.ALL)
        .items();
  }

  /**
   * One page of the connections the actor sees (ORGANIZATION ones and their own PERSONAL ones)
   * matching {@code query}, by name: other users' PERSONAL connections are neither returned nor
   * counted. Environment statuses are derived for the page's connections only.
   */
  public Page<ConnectionView> page(Actor actor, ConnectionQuery query, PageRequest request) {
    Page<Connection> page =
        connections.page(actor.organizationId(), actor.username(), query, request);
    Map<UUID, Integration> byId =
        integrations.findAll(
            actor.organizationId(),
            page.items().stream().map(Connection::integrationId).distinct().toList());
    return page.map(c -> view(c, byId.get(c.integrationId())));
  }

  public void delete(Actor actor, UUID id) {
    tx.executeWithoutResult(
        s -> {
          Connection current = visible(actor, id, true);
          remover.remove(current);
          changes.changed(
              AuditEvent.connection(
                  actor,
                  clock.instant(),
                  AuditAction.CONNECTION_DELETED,
                  current,
                  null,
                  List.of()));
        });
  }

  /**
   * Who owns the connection after a change of visibility. Only the owner or an admin changes it,
   * and making a shared connection personal takes an admin (otherwise any user could take a shared
   * connection away from everyone): the admin becomes its owner ("only you"), so a connection never
   * becomes the personal one of someone who did not ask for it.
   */
  private static String ownerAfter(Actor actor, Connection current, Visibility visibility) {
    if (visibility == current.visibility()) {
      return current.owner();
    }
    if (!actor.isAdmin() && !current.owner().equals(actor.username())) {
      throw new AccessDeniedException(
          "visibility", "only the owner or an administrator may change the visibility");
    }
    if (visibility == Visibility.PERSONAL) {
      if (!actor.isAdmin()) {
        throw new AccessDeniedException(
            "visibility", "only administrators may make a shared connection personal");
      }
      return actor.username();
    }
    return current.owner();
  }

  /**
   * Names are unique among the connections the acting user sees (ORGANIZATION ones and their own
   * PERSONAL ones), never checked against other users' PERSONAL ones: a conflict must not reveal
   * that someone else has a personal connection of that name. (A PERSONAL connection is only ever
   * changed by its owner, so for it the actor is the owner.)
   */
  private void requireFreeName(String organizationId, String name, String username, UUID exceptId) {
    if (connections.existsNamedFor(organizationId, name, username, exceptId)) {
      throw new ConflictException("name", "a connection named '" + name + "' already exists");
    }
  }

  private static List<String> changedProperties(Connection before, Connection after) {
    List<String> changed = new java.util.ArrayList<>();
    if (!before.name().equals(after.name())) {
      changed.add("name");
    }
    if (before.visibility() != after.visibility()) {
      changed.add("visibility");
    }
    if (!before.owner().equals(after.owner())) {
      changed.add("owner");
    }
    if (!before.allowedProcesses().equals(after.allowedProcesses())) {
      changed.add("allowedProcesses");
    }
    if (before.allowedInProduction() != after.allowedInProduction()) {
      changed.add("allowedInProduction");
    }
    return changed;
  }

  /**
   * Only an administrator changes whether a PERSONAL connection may serve PRODUCTION (a request
   * that repeats the current value is no change). A connection that becomes PERSONAL starts without
   * it: a permission given to a shared connection is not one given to someone's own credentials.
   */
  private static boolean allowedInProduction(
      Actor actor, Connection current, Visibility visibility, Boolean requested) {
    boolean base =
        visibility == Visibility.PERSONAL && current.visibility() != Visibility.PERSONAL
            ? false
            : current.allowedInProduction();
    if (requested == null || requested == base) {
      return base;
    }
    requireAdminForProduction(actor);
    return requested;
  }

  private static void requireAdminForProduction(Actor actor) {
    if (!actor.isAdmin()) {
      throw new AccessDeniedException(
          "allowedInProduction",
          "only administrators may allow a personal connection in PRODUCTION (allowedInProduction)");
    }
  }

  /**
   * Names of the settings that differ and of the secrets that were written: the audit never
   * compares secret values.
   */
  private static Set<String> changedFields(
      Map<String, Object> before, Map<String, Object> after, Set<String> secretsWritten) {
    Set<String> changed = new TreeSet<>(secretsWritten);
    Set<String> names = new HashSet<>(before.keySet());
    names.addAll(after.keySet());
    names.stream().filter(n -> !Objects.equals(before.get(n), after.get(n))).forEach(changed::add);
    return changed;
  }

  private ConnectionView view(Connection connection, Integration integration) {
    return new ConnectionView(
        connection, integration, EnvironmentStatuses.of(connection, integration));
  }

  /**
   * Writes {@code updated} over {@code current} unless another change came first (a conflict), and
   * audits the update with the properties it changed.
   */
  private void saveUpdated(
      Actor actor, Connection current, Connection updated, List<String> changedProperties) {
    if (!connections.update(updated, current.version())) {
      throw ConflictException.staleVersion("connection", current.version(), current.version() + 1);
    }
    changes.changed(
        AuditEvent.connection(
            actor,
            clock.instant(),
            AuditAction.CONNECTION_UPDATED,
            updated,
            null,
            changedProperties));
  }

  private void touch(Connection current, Instant now, Actor actor) {
    if (!connections.touch(current.id(), current.version(), now, actor.username())) {
      throw ConflictException.staleVersion("connection", current.version(), current.version() + 1);
    }
  }

  private Connection reload(Actor actor, UUID id) {
    return connections.find(actor.organizationId(), id).orElseThrow();
  }

  private Integration integrationOf(Connection connection) {
    return integrations
        .find(connection.organizationId(), connection.integrationId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "integration of connection " + connection.key() + " is missing"));
  }

  private Connection visible(Actor actor, UUID id, boolean lock) {
    return (lock
            ? connections.findForUpdate(actor.organizationId(), id)
            : connections.find(actor.organizationId(), id))
        .filter(c -> c.visibleTo(actor.username()))
        .orElseThrow(() -> new NotFoundException("connection " + id + " does not exist"));
  }

  private static CredentialLocation location(Connection c, Environment environment) {
    return new CredentialLocation(c.organizationId(), c.id(), c.key(), environment);
  }

  private static void requireName(String name, ValidationException.Collector errors) {
    if (name == null || name.isBlank()) {
      errors.add("name", "is required");
    } else if (name.trim().length() > 200) {
      errors.add("name", "must be at most 200 characters");
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
