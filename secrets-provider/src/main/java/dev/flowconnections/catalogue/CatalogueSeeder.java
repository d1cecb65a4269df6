package dev.flowconnections.catalogue;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.integration.IntegrationService;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the {@link SystemCatalogue} into organizations, through {@link IntegrationService} (so
 * entries are validated and audited like an admin's) as the super admin {@value #ACTOR}.
 *
 * <p>Per organization and entry, under an advisory lock, so runtimes starting together write each
 * entry once: a missing entry is created; one whose integration was deleted is never recreated; a
 * higher revision updates the integration only while it still has the version the catalogue wrote,
 * so an admin's edit is never overwritten. Each entry is its own transaction: one that fails (say
 * its name is taken) leaves the others alone.
 */
public class CatalogueSeeder {

  /** The username audit rows of catalogue writes carry. */
  public static final String ACTOR = "system:catalogue";

  private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);

  /** What seeding did with one entry in one organization. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    /** An admin changed the integration since the catalogue wrote it: theirs stays. */
    KEPT_EDITED,
    /** The integration was deleted, or the organization had one of that name already. */
    NOT_RECREATED,
    FAILED
  }

  private final SystemCatalogue catalogue;
  private final CatalogueRecords records;
  private final IntegrationRepository integrations;
  private final IntegrationService service;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Set<String> seeded = ConcurrentHashMap.newKeySet();

  public CatalogueSeeder(
      SystemCatalogue catalogue,
      JdbcClient jdbc,
      IntegrationRepository integrations,
      IntegrationService service,
      TransactionTemplate tx,
      Clock clock) {
    this.catalogue = catalogue;
    this.records = new CatalogueRecords(jdbc);
    this.integrations = integrations;
    this.service = service;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Seeds {@code organizationId} unless this instance did so already; cheap after the first call,
   * so it may run on every request (organizations from OpenID Connect appear only at login).
   */
  public void ensureSeeded(String organizationId) {
    if (seeded.contains(organizationId)) {
      return;
    }
    if (records.upToDate(List.of(organizationId), revisions()).contains(organizationId)) {
      seeded.add(organizationId);
    } else {
      seed(organizationId);
    }
  }

  /**
   * Seeds each organization and the organizations that already have data. Organizations whose every
   * entry is at this release's revision are found with one query and skipped: a restart of a
   * runtime serving a hundred organizations writes nothing and runs no per-entry transactions.
   */
  public void seedAll(Collection<String> organizationIds) {
    Set<String> all = new TreeSet<>(organizationIds);
    all.addAll(records.organizationsWithData());
    Set<String> upToDate = records.upToDate(all, revisions());
    for (String organizationId : all) {
      if (upToDate.contains(organizationId)) {
        seeded.add(organizationId);
      } else {
        seed(organizationId);
      }
    }
  }

  private Map<String, Integer> revisions() {
    Map<String, Integer> revisions = new LinkedHashMap<>();
    catalogue.entries().forEach(e -> revisions.put(e.key(), e.revision()));
    return revisions;
  }

  /** Brings the organization's catalogue entries up to this release; what happened per key. */
  public Map<String, Outcome> seed(String organizationId) {
    Actor actor = new Actor(ACTOR, organizationId, Set.of(Role.SUPER_ADMIN));
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (CatalogueEntry entry : catalogue.entries()) {
      Outcome outcome;
      try {
        outcome = tx.execute(s -> seed(actor, entry));
      } catch (RuntimeException e) {
        // messages name fields, never values; the catalogue holds no secrets anyway
        log.warn(
            "Catalogue entry '{}' not written to organization '{}': {}",
            entry.key(),
            organizationId,
            e.getMessage());
        outcome = Outcome.FAILED;
      }
      outcomes.put(entry.key(), outcome);
    }
    if (outcomes.values().stream().anyMatch(o -> o != Outcome.FAILED)) {
      seeded.add(organizationId); // all failed (database down?): the next use tries again
    }
    long written = outcomes.values().stream().filter(o -> o == Outcome.CREATED).count();
    long updated = outcomes.values().stream().filter(o -> o == Outcome.UPDATED).count();
    if (written + updated > 0) {
      log.info(
          "System catalogue: {} integration(s) created, {} updated in organization '{}'",
          written,
          updated,
          organizationId);
    }
    return outcomes;
  }

  private Outcome seed(Actor actor, CatalogueEntry entry) {
    String org = actor.organizationId();
    records.lock(org);
    var written = records.find(org, entry.key());
    if (written.isEmpty()) {
      if (integrations.existsByName(org, entry.name(), null)) {
        records.insert(org, entry.key(), entry.revision(), null, null, clock.instant());
        return Outcome.NOT_RECREATED;
      }
      Integration created = service.create(actor, entry.draft(null));
      records.insert(
          org, entry.key(), entry.revision(), created.id(), created.version(), clock.instant());
      return Outcome.CREATED;
    }
    CatalogueRecords.Written row = written.get();
    if (row.integrationId() == null) {
      return Outcome.NOT_RECREATED;
    }
    if (row.revision() >= entry.revision()) {
      return Outcome.UNCHANGED;
    }
    Integration current = integrations.findForUpdate(org, row.integrationId()).orElseThrow();
    if (row.writtenVersion() == null || current.version() != row.writtenVersion()) {
      return Outcome.KEPT_EDITED;
    }
    if (integrations.existsByName(org, entry.name(), current.id())) {
      return Outcome.KEPT_EDITED;
    }
    Integration updated = service.update(actor, current.id(), entry.draft(current.version()));
    records.written(org, entry.key(), entry.revision(), updated.version(), clock.instant());
    return Outcome.UPDATED;
  }
}
