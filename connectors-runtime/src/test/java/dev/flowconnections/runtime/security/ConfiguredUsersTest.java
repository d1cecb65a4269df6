package dev.flowconnections.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** A mistake in flow-connections.security.users stops the runtime, naming the entry, never the password. */
class ConfiguredUsersTest {

  final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Test
  void loadsUsersWithTheirRoles() {
    InMemoryUserDetailsManager users = load(user("admin", "{noop}pw", Role.ADMIN), user("root", "{noop}pw", Role.SUPER_ADMIN, Role.ADMIN));

    assertThat(users.loadUserByUsername("admin").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
    assertThat(users.loadUserByUsername("root").getAuthorities()).extracting(Object::toString)
        .containsExactlyInAnyOrder("ROLE_SUPER_ADMIN", "ROLE_ADMIN");
  }

  @Test
  void noUsersIsAllowedAndLetsNobodyIn() {
    assertThat(load().userExists("user")).isFalse();
  }

  @Test
  void aPasswordWithoutEncoderIdIsRefused() {
    assertThatThrownBy(() -> load(user("admin", "plain-secret-pw", Role.ADMIN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("users[0].password")
        .hasMessageNotContaining("plain-secret-pw");
  }

  @Test
  void anUnknownEncoderIdIsRefused() {
    assertThatThrownBy(() -> load(user("admin", "{rot13}nqzva", Role.ADMIN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unknown encoder id")
        .hasMessageNotContaining("nqzva");
  }

  @Test
  void aUserWithoutRolesIsRefused() {
    assertThatThrownBy(() -> load(user("admin", "{noop}pw")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("users[0].roles");
  }

  @Test
  void aBlankOrRepeatedNameIsRefused() {
    assertThatThrownBy(() -> load(user(" ", "{noop}pw", Role.USER))).hasMessageContaining("users[0].username");
    assertThatThrownBy(() -> load(user("a", "{noop}pw", Role.USER), user("a", "{noop}pw", Role.ADMIN)))
        .hasMessageContaining("users[1]")
        .hasMessageContaining("twice");
  }

  private InMemoryUserDetailsManager load(ApiSecurityProperties.User... users) {
    ApiSecurityProperties properties = new ApiSecurityProperties();
    properties.setUsers(new ArrayList<>(List.of(users)));
    return ConfiguredUsers.load(properties, encoder);
  }

  private static ApiSecurityProperties.User user(String name, String password, Role... roles) {
    ApiSecurityProperties.User user = new ApiSecurityProperties.User();
    user.setUsername(name);
    user.setPassword(password);
    user.setRoles(Set.of(roles));
    return user;
  }
}
