package dev.flowconnections.runtime.integration;

import dev.flowconnections.access.Actor;
import dev.flowconnections.integration.revision.IntegrationRevision;
import dev.flowconnections.integration.revision.IntegrationRevisionService;
import dev.flowconnections.integration.revision.IntegrationSnapshots.Change;
import dev.flowconnections.integration.revision.RevisionOrigin;
import dev.flowconnections.integration.revision.RevisionState;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An integration's version history (Manage Versions): revisions, their diffs, draft revisions,
 * activation and restore. The service decides who may do what.
 */
@RestController
@RequestMapping("/api/integrations/{id}/revisions")
class IntegrationRevisionController {

  private final IntegrationRevisionService revisions;

  IntegrationRevisionController(IntegrationRevisionService revisions) {
    this.revisions = revisions;
  }

  /** Newest first, without snapshots. */
  @GetMapping
  List<RevisionSummary> list(Actor actor, @PathVariable UUID id) {
    return revisions.list(actor, id).stream().map(RevisionSummary::of).toList();
  }

  @GetMapping("/{revision}")
  RevisionResponse get(Actor actor, @PathVariable UUID id, @PathVariable int revision) {
    return RevisionResponse.of(revisions.get(actor, id, revision));
  }

  /** Against {@code against}, or by default the saved revision before (a draft: the active one). */
  @GetMapping("/{revision}/diff")
  DiffResponse diff(
      Actor actor,
      @PathVariable UUID id,
      @PathVariable int revision,
      @RequestParam(required = false) Integer against) {
    return new DiffResponse(revision, against, revisions.diff(actor, id, revision, against));
  }

  /** A draft revision: the body of an integration update, checked as one, applied by activate. */
  @PostMapping
  ResponseEntity<RevisionResponse> createDraft(
      Actor actor, @PathVariable UUID id, @RequestBody IntegrationRequest request) {
    RevisionResponse draft =
        RevisionResponse.of(revisions.createDraft(actor, id, request.toDraft()));
    return ResponseEntity.created(
            URI.create("/api/integrations/" + id + "/revisions/" + draft.revision()))
        .body(draft);
  }

  @PutMapping("/{revision}")
  RevisionResponse updateDraft(
      Actor actor,
      @PathVariable UUID id,
      @PathVariable int revision,
      @RequestBody IntegrationRequest request) {
    return RevisionResponse.of(revisions.updateDraft(actor, id, revision, request.toDraft()));
  }

  @DeleteMapping("/{revision}")
  ResponseEntity<Void> discardDraft(
      Actor actor, @PathVariable UUID id, @PathVariable int revision) {
    revisions.discardDraft(actor, id, revision);
    return ResponseEntity.noContent().build();
  }

  /** Body {@code {"version": n}}: the integration version last read; a stale one is a 409. */
  @PostMapping("/{revision}/activate")
  IntegrationResponse activate(
      Actor actor,
      @PathVariable UUID id,
      @PathVariable int revision,
      @RequestBody VersionRequest request) {
    return IntegrationResponse.of(revisions.activate(actor, id, revision, request.version()));
  }

  /** Body {@code {"version": n}}: the integration version last read; a stale one is a 409. */
  @PostMapping("/{revision}/restore")
  IntegrationResponse restore(
      Actor actor,
      @PathVariable UUID id,
      @PathVariable int revision,
      @RequestBody VersionRequest request) {
    return IntegrationResponse.of(revisions.restore(actor, id, revision, request.version()));
  }

  record VersionRequest(Long version) {}

  record RevisionSummary(
      int revision,
      RevisionState state,
      RevisionOrigin.Kind origin,
      Integer sourceRevision,
      List<String> changedProperties,
      Instant createdAt,
      String createdBy) {

    static RevisionSummary of(IntegrationRevision r) {
      return new RevisionSummary(
          r.revision(),
          r.state(),
          r.origin().kind(),
          r.origin().sourceRevision(),
          r.changedProperties(),
          r.createdAt(),
          r.createdBy());
    }
  }

  /** A revision with its snapshot, shown as the integration API shows an integration. */
  record RevisionResponse(
      int revision,
      RevisionState state,
      RevisionOrigin.Kind origin,
      Integer sourceRevision,
      List<String> changedProperties,
      Instant createdAt,
      String createdBy,
      IntegrationResponse snapshot) {

    static RevisionResponse of(IntegrationRevision r) {
      RevisionSummary s = RevisionSummary.of(r);
      return new RevisionResponse(
          s.revision(),
          s.state(),
          s.origin(),
          s.sourceRevision(),
          s.changedProperties(),
          s.createdAt(),
          s.createdBy(),
          IntegrationResponse.of(r.snapshot()));
    }
  }

  record DiffResponse(int revision, Integer against, List<Change> changes) {}
}
