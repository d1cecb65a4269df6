package dev.flowconnections.runtime.security;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the caller is for this API, whatever way they logged in. */
@RestController
class CurrentUserController {

  @GetMapping("/api/me")
  CurrentUser me(Actor actor) {
    return new CurrentUser(actor.username(), actor.organizationId(), new TreeSet<>(actor.roles()));
  }

  record CurrentUser(String username, String organizationId, Set<Role> roles) {}
}
