package dev.flowconnections.runtime.encryption;

import dev.flowconnections.access.Actor;
import dev.flowconnections.rotation.KeyRotationService;
import dev.flowconnections.rotation.RotationStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Master key rotation for operators: after configuring a new active key (the old one moved to
 * {@code previous-keys}), POST starts re-sealing in the background and GET shows the progress per
 * key id and which old keys may be removed. Administrators only; the answer holds ids and counts.
 */
@RestController
@RequestMapping("/api/admin/encryption/rotation")
class KeyRotationController {

  private final KeyRotationService rotation;

  KeyRotationController(KeyRotationService rotation) {
    this.rotation = rotation;
  }

  @GetMapping
  RotationStatus status(Actor actor) {
    return rotation.status(actor);
  }

  /** 202: the run goes on in the background (or was already going); poll GET for its progress. */
  @PostMapping
  ResponseEntity<RotationStatus> start(Actor actor) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(rotation.start(actor));
  }
}
