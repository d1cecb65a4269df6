package dev.flowconnections.runtime.integration;

import dev.flowconnections.access.Actor;
import dev.flowconnections.catalogue.Verticals;
import dev.flowconnections.connection.Connection;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationFilter;
import dev.flowconnections.integration.IntegrationScope;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.paging.Page;
import dev.flowconnections.paging.PageRequest;
import dev.flowconnections.runtime.api.PagedResponse;
import jakarta.servlet.http.HttpServletRequest;
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

  /** One page (default 100, at most 500) by name; {@link PagedResponse} says what else. */
  @GetMapping
  ResponseEntity<List<IntegrationResponse>> list(
      Actor actor,
      HttpServletRequest request,
      @RequestParam(required = false) String search,
      @RequestParam(required = false) IntegrationType type,
      @RequestParam(required = false) IntegrationScope scope,
      @RequestParam(required = false) String vertical,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    Page<Integration> found =
        integrations.page(
            actor,
            new IntegrationFilter(search, type, scope, vertical),
            PageRequest.parse(page, size));
    return PagedResponse.of(
        found, found.items().stream().map(IntegrationResponse::of).toList(), request);
  }

  /**
   * The domain verticals: those the product suggests (offered in the form) and those the caller's
   * integrations carry (what the pages group and filter by).
   */
  @GetMapping("/verticals")
  VerticalsResponse verticals(Actor actor) {
    return new VerticalsResponse(Verticals.SUGGESTED, integrations.verticals(actor));
  }

  record VerticalsResponse(List<String> suggested, List<String> inUse) {}

  /** Super admins hide a System integration from everyone else, or show it again. */
  @PutMapping("/{id}/hidden")
  IntegrationResponse hide(Actor actor, @PathVariable UUID id, @RequestBody HiddenRequest request) {
    if (request == null || request.hidden() == null) {
      throw new ValidationException("hidden", "is required: true or false");
    }
    return IntegrationResponse.of(integrations.setHidden(actor, id, request.hidden()));
  }

  record HiddenRequest(Boolean hidden) {}

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
