package dev.flowconnections.runtime.security;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the caller is, whatever way they logged in; the pages use it to greet
 * the user and offer only the menus their roles allow.
 */
@RestController
class CurrentUserController {

  @GetMapping("/api/me")
  CurrentUser me(Actor actor) {
    return new CurrentUser(
        actor.username(),
        actor.organizationId(),
        new TreeSet<>(actor.roles()),
        actor.isAdmin(),
        actor.isSuperAdmin());
  }

  record CurrentUser(
      String username, String organizationId, Set<Role> roles, boolean admin, boolean superAdmin) {}
}
