package dev.flowconnections.runtime.connection;

import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.ConnectionQuery;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.paging.Page;
import dev.flowconnections.paging.PageRequest;
import dev.flowconnections.runtime.api.PagedResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
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
 * Connections (Connect → /connections) and their per-environment credentials. Any user; the service
 * hides other users' PERSONAL connections (404, as if they did not exist).
 */
@RestController
@RequestMapping("/api/connections")
class ConnectionController {

  private final ConnectionService connections;

  ConnectionController(ConnectionService connections) {
    this.connections = connections;
  }

  @PostMapping
  ResponseEntity<ConnectionResponse> create(Actor actor, @RequestBody ConnectionRequest request) {
    ConnectionResponse created =
        ConnectionResponse.of(connections.create(actor, request.toDraft()));
    return ResponseEntity.created(URI.create("/api/connections/" + created.id())).body(created);
  }

  /** One page (default 100, at most 500) by name; {@link PagedResponse} says what else. */
  @GetMapping
  ResponseEntity<List<ConnectionResponse>> list(
      Actor actor,
      HttpServletRequest request,
      @RequestParam(required = false) String search,
      @RequestParam(required = false) IntegrationType type,
      @RequestParam(required = false) UUID integrationId,
      @RequestParam(required = false) String vertical,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    Page<ConnectionView> found =
        connections.page(
            actor,
            new ConnectionQuery(search, type, integrationId, vertical),
            PageRequest.parse(page, size));
    return PagedResponse.of(
        found, found.items().stream().map(ConnectionResponse::of).toList(), request);
  }

  @GetMapping("/{id}")
  ConnectionResponse get(Actor actor, @PathVariable UUID id) {
    return ConnectionResponse.of(connections.get(actor, id));
  }

  @PutMapping("/{id}")
  ConnectionResponse update(
      Actor actor, @PathVariable UUID id, @RequestBody ConnectionRequest request) {
    return ConnectionResponse.of(connections.update(actor, id, request.toDraft()));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
    connections.delete(actor, id);
    return ResponseEntity.noContent().build();
  }

  /**
   * An administrator allows (or stops) a PERSONAL connection in PRODUCTION; its owner hands over
   * the id. Answers nothing about the connection.
   */
  @PutMapping("/{id}/production-permission")
  ResponseEntity<Void> productionPermission(
      Actor actor, @PathVariable UUID id, @RequestBody ProductionPermission request) {
    if (request == null || request.allowedInProduction() == null) {
      throw new ValidationException("allowedInProduction", "is required: true or false");
    }
    connections.setAllowedInProduction(actor, id, request.allowedInProduction());
    return ResponseEntity.noContent().build();
  }

  record ProductionPermission(Boolean allowedInProduction) {}

  @PutMapping("/{id}/environments/{environment}")
  ConnectionResponse putCredentials(
      Actor actor,
      @PathVariable UUID id,
      @PathVariable String environment,
      @RequestBody CredentialsRequest request) {
    return ConnectionResponse.of(
        connections.putEnvironment(
            actor, id, environment(environment), request.fields(), request.version()));
  }

  /** Answers the updated connection, whose new version the client needs for its next edit. */
  @DeleteMapping("/{id}/environments/{environment}")
  ConnectionResponse deleteCredentials(
      Actor actor, @PathVariable UUID id, @PathVariable String environment) {
    return ConnectionResponse.of(
        connections.deleteEnvironment(actor, id, environment(environment)));
  }

  private static Environment environment(String name) {
    return Environment.parse(name)
        .orElseThrow(
            () ->
                new ValidationException(
                    "environment", "must be one of " + Arrays.toString(Environment.values())));
  }
}
