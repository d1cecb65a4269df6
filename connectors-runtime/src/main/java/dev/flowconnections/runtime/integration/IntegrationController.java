package dev.flowconnections.runtime.integration;

import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.Connection;
import dev.flowconnections.integration.IntegrationFilter;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import java.net.URI;
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

/** Integration definitions (Administration → Integrations). The service decides who may do what. */
@RestController
@RequestMapping("/api/integrations")
class IntegrationController {

  private final IntegrationService integrations;

  IntegrationController(IntegrationService integrations) {
    this.integrations = integrations;
  }

  @PostMapping
  ResponseEntity<IntegrationResponse> create(Actor actor, @RequestBody IntegrationRequest request) {
    IntegrationResponse created =
        IntegrationResponse.of(integrations.create(actor, request.toDraft()));
    return ResponseEntity.created(URI.create("/api/integrations/" + created.id())).body(created);
  }

  @GetMapping
  List<IntegrationResponse> list(
      Actor actor,
      @RequestParam(required = false) String search,
      @RequestParam(required = false) IntegrationType type,
      @RequestParam(required = false) IntegrationScope scope) {
    return integrations.list(actor, new IntegrationFilter(search, type, scope)).stream()
        .map(IntegrationResponse::of)
        .toList();
  }

  @GetMapping("/{id}")
  IntegrationResponse get(Actor actor, @PathVariable UUID id) {
    return IntegrationResponse.of(integrations.get(actor, id));
  }

  @PutMapping("/{id}")
  IntegrationResponse update(
      Actor actor, @PathVariable UUID id, @RequestBody IntegrationRequest request) {
    return IntegrationResponse.of(integrations.update(actor, id, request.toDraft()));
  }

  /** With connections, 409 listing them unless {@code force=true}, which deletes them too. */
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean force) {
    integrations.delete(actor, id, force);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/fields")
  FieldSchemaResponse fields(Actor actor, @PathVariable UUID id) {
    return FieldSchemaResponse.of(integrations.fields(actor, id));
  }

  /** What a delete would remove, for the confirmation dialog. */
  @GetMapping("/{id}/impact")
  ImpactResponse impact(Actor actor, @PathVariable UUID id) {
    return ImpactResponse.of(
        integrations.impactOfDelete(actor, id), integrations.hiddenImpactOfDelete(actor, id));
  }

  /**
   * Same shape as the 409 a delete answers: the connections the caller may see, and how many other
   * users' PERSONAL connections would go too (counted, never named).
   */
  record ImpactResponse(List<AffectedConnection> connections, int personalConnectionsOfOtherUsers) {

    record AffectedConnection(UUID id, String key, String name) {}

    static ImpactResponse of(List<Connection> affected, int hidden) {
      return new ImpactResponse(
          affected.stream().map(c -> new AffectedConnection(c.id(), c.key(), c.name())).toList(),
          hidden);
    }
  }
}
