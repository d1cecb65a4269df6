package dev.flowconnections.credential;

import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.Connection;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the secrets of every connection environment from one store to another, then reads each
 * back from the target and compares it with the source. The source is left as it was, so switching
 * back is possible until an operator cleans it up. Safe to re-run: an environment the target
 * already holds identically is not written again.
 *
 * <p>Run it during a change freeze (no connection edits), then switch {@code
 * flow-connections.store.type}; an edit made in between lands only in the store in use then.
 */
public class CredentialStoreMigration {

  private static final Logger LOG = LoggerFactory.getLogger(CredentialStoreMigration.class);

  private final ConnectionRepository connections;
  private final CredentialStores stores;

  public CredentialStoreMigration(ConnectionRepository connections, CredentialStores stores) {
    this.connections = connections;
    this.stores = stores;
  }

  /**
   * As an API caller: an admin migrates their own organization, a super admin also any other one
   * or, without {@code organizationId}, all of them.
   */
  public CredentialMigrationReport migrate(
      Actor actor, String from, String to, String organizationId) {
    actor.requireAdmin("migrate credentials between stores");
    ValidationException.Collector errors = new ValidationException.Collector();
    CredentialStoreType source = storeType("from", from, errors);
    CredentialStoreType target = storeType("to", to, errors);
    errors.throwIfAny();
    if (source == target) {
      throw new ValidationException("to", "must differ from 'from'");
    }
    if (stores.get(source).isEmpty() || stores.get(target).isEmpty()) {
      CredentialStoreType missing = stores.get(source).isEmpty() ? source : target;
      throw new ValidationException(
          missing == source ? "from" : "to",
          "the "
              + missing.storeName()
              + " store is not configured on this runtime (flow-connections.store.vault.*)");
    }
    boolean ownOrganization =
        organizationId == null
            ? !actor.isSuperAdmin()
            : organizationId.equals(actor.organizationId());
    if (!ownOrganization && !actor.isSuperAdmin()) {
      throw new AccessDeniedException(
          "only super admins may migrate another organization's credentials");
    }
    return migrate(
        source,
        target,
        organizationId == null && !actor.isSuperAdmin() ? actor.organizationId() : organizationId);
  }

  private static CredentialStoreType storeType(
      String field, String value, ValidationException.Collector errors) {
    for (CredentialStoreType type : CredentialStoreType.values()) {
      if (type.storeName().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return type;
      }
    }
    errors.add(field, "is required; one of postgres, vault");
    return null;
  }

  /**
   * @param organizationId one organization, or {@code null} for all
   */
  public CredentialMigrationReport migrate(
      CredentialStoreType from, CredentialStoreType to, String organizationId) {
    if (from == to) {
      throw new IllegalArgumentException(
          "source and target store are the same (" + from.storeName() + ")");
    }
    CredentialStore source = stores.require(from);
    CredentialStore target = stores.require(to);
    List<String> organizations =
        organizationId == null ? connections.organizations() : List.of(organizationId);
    Tally tally = new Tally();
    for (String organization : organizations) {
      for (Connection connection : connections.list(organization)) {
        for (Environment environment : connection.environments().keySet()) {
          CredentialLocation location =
              new CredentialLocation(organization, connection.id(), connection.key(), environment);
          tally.environments++;
          try {
            migrateOne(source, target, location, tally);
          } catch (RuntimeException e) {
            // messages of stores name paths and causes, never values
            tally.problems.add(describe(location) + ": " + e.getMessage());
          }
        }
      }
    }
    CredentialMigrationReport report =
        new CredentialMigrationReport(
            from,
            to,
            organizations,
            tally.environments,
            tally.copied,
            tally.unchanged,
            tally.verified,
            tally.missingInSource,
            List.copyOf(tally.problems));
    LOG.info(
        "credential migration {} -> {}: {} environments, {} copied, {} unchanged, {} verified, {} missing in source,"
            + " {} problems",
        from.storeName(),
        to.storeName(),
        report.environments(),
        report.copied(),
        report.unchanged(),
        report.verified(),
        report.missingInSource(),
        report.problems().size());
    return report;
  }

  private static void migrateOne(
      CredentialStore source, CredentialStore target, CredentialLocation location, Tally tally) {
    Optional<SecretValues> values = source.read(location);
    if (values.isEmpty()) {
      tally.missingInSource++;
      tally.problems.add(
          describe(location)
              + ": listed in the metadata but the source store has no secrets for it");
      return;
    }
    StoredCredentials existing = target.readForUpdate(location);
    if (existing.values().equals(values)) {
      tally.unchanged++;
    } else {
      target.write(location, values.get(), existing.version());
      tally.copied++;
    }
    if (target.read(location).equals(values)) {
      tally.verified++;
    } else {
      tally.problems.add(
          describe(location) + ": read back from the target, the secrets differ from the source");
    }
  }

  private static String describe(CredentialLocation location) {
    return location.organizationId()
        + "/"
        + location.connectionKey()
        + "/"
        + location.environment();
  }

  private static final class Tally {
    int environments;
    int copied;
    int unchanged;
    int verified;
    int missingInSource;
    final List<String> problems = new ArrayList<>();
  }
}
