package dev.flowconnections.runtime.secret;

import dev.flowconnections.access.Actor;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.secret.OrgSecret;
import dev.flowconnections.secret.OrgSecretService;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organization secrets (Administration → Security → Secrets), referenced from connection fields as
 * {@code @@SECRET:KEY@@}. Values are write-only: responses carry the key and timestamps.
 */
@RestController
@RequestMapping("/api/secrets")
class SecretController {

  private final OrgSecretService secrets;
  private final SecretUsageService usage;

  SecretController(OrgSecretService secrets, SecretUsageService usage) {
    this.secrets = secrets;
    this.usage = usage;
  }

  /** Creates (201) or rotates (200) the secret under {@code key}. */
  @PutMapping("/{key}")
  ResponseEntity<OrgSecret> put(
      Actor actor, @PathVariable String key, @RequestBody SecretValueRequest request) {
    boolean created = secrets.put(actor, key, request.value(), request.allowedProcesses());
    OrgSecret stored =
        secrets.list(actor).stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    return created
        ? ResponseEntity.created(URI.create("/api/secrets/" + key)).body(stored)
        : ResponseEntity.status(HttpStatus.OK).body(stored);
  }

  @GetMapping
  List<OrgSecret> list(Actor actor) {
    return secrets.list(actor);
  }

  /** Every key referenced by a connection, with the connections (existing secrets or not). */
  @GetMapping("/usage")
  List<UsageResponse> usage(Actor actor) {
    return usage.usage(actor).values().stream().map(UsageResponse::of).toList();
  }

  /** The connections referencing one existing secret; 404 for an unknown key nobody references. */
  @GetMapping("/{key}/usage")
  UsageResponse usage(Actor actor, @PathVariable String key) {
    SecretUsageService.Usage found = usage.usage(actor).get(key);
    if (found != null) {
      return UsageResponse.of(found);
    }
    if (secrets.list(actor).stream().noneMatch(s -> s.key().equals(key))) {
      throw new NotFoundException("secret '" + key + "' does not exist");
    }
    return new UsageResponse(key, List.of(), 0);
  }

  @DeleteMapping("/{key}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable String key) {
    secrets.delete(actor, key);
    return ResponseEntity.noContent().build();
  }

  /** Connections are named only when the caller may see them; others' personal ones are counted. */
  record UsageResponse(
      String key,
      List<SecretUsageService.UsingConnection> connections,
      int hiddenPersonalConnections) {
    static UsageResponse of(SecretUsageService.Usage usage) {
      return new UsageResponse(
          usage.key(), List.copyOf(usage.connections()), usage.hiddenPersonalConnections());
    }
  }

  /**
   * The value to store (never sent back) and the processes allowed to use it (absent: keep them;
   * empty: every process). Without a value, an existing secret only gets new allowed processes.
   */
  record SecretValueRequest(String value, List<String> allowedProcesses) {

    @Override
    public String toString() {
      return "SecretValueRequest[value hidden, allowedProcesses=" + allowedProcesses + "]";
    }
  }
}
