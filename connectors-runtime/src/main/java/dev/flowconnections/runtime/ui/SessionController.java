package dev.flowconnections.runtime.ui;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, so the pages can greet the user and offer only the menus their roles allow. */
@RestController
class SessionController {

  @GetMapping("/api/session")
  SessionResponse session(Actor actor) {
    return new SessionResponse(actor.username(), actor.organizationId(), actor.roles(), actor.isAdmin(), actor.isSuperAdmin());
  }

  record SessionResponse(String username, String organizationId, Set<Role> roles, boolean admin, boolean superAdmin) {}
}
