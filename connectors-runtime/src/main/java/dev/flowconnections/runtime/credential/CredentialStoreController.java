package dev.flowconnections.runtime.credential;

import dev.flowconnections.access.Actor;
import dev.flowconnections.credential.CredentialMigrationReport;
import dev.flowconnections.credential.CredentialStoreMigration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves credentials between the PostgreSQL and the Vault store (before switching {@code
 * flow-connections.store.type}). Answers counts and locations, never a value.
 */
@RestController
@RequestMapping("/api/credential-stores")
class CredentialStoreController {

  private final CredentialStoreMigration migration;

  CredentialStoreController(CredentialStoreMigration migration) {
    this.migration = migration;
  }

  /**
   * Copies, reads back and compares; 200 with the report, {@code complete: false} if anything did
   * not verify.
   */
  @PostMapping("/migrations")
  CredentialMigrationReport migrate(Actor actor, @RequestBody MigrationRequest request) {
    return migration.migrate(actor, request.from(), request.to(), request.organizationId());
  }

  /**
   * @param organizationId omitted: the caller's organization, or every organization for a super
   *     admin
   */
  record MigrationRequest(String from, String to, String organizationId) {}
}
