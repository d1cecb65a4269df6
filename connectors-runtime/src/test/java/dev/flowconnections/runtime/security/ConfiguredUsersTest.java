package dev.flowconnections.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A mistake in flow-connections.security.users stops the runtime, naming the entry, never the
 * password.
 */
@Tag("fast")
class ConfiguredUsersTest {

  final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Test
  void loadsUsersWithTheirRoles() {
    ConfiguredUserDirectory users =
        load(
            user("admin", "{noop}pw", Role.ADMIN),
            user("root", "{noop}pw", Role.SUPER_ADMIN, Role.ADMIN));

    assertThat(users.loadUserByUsername("admin").getAuthorities())
        .extracting(Object::toString)
        .containsExactly("ROLE_ADMIN");
    assertThat(users.loadUserByUsername("root").getAuthorities())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("ROLE_SUPER_ADMIN", "ROLE_ADMIN");
  }

  @Test
  void usersActInTheirOwnOrganizationOrTheRuntimesOne() {
    ApiSecurityProperties.User acme = user("acme-admin", "{noop}pw", Role.ADMIN);
    acme.setOrganization("acme");
    ConfiguredUserDirectory users = load(acme, user("admin", "{noop}pw", Role.ADMIN));

    assertThat(((OrganizationMember) users.loadUserByUsername("acme-admin")).organizationId())
        .isEqualTo("acme");
    assertThat(((OrganizationMember) users.loadUserByUsername("admin")).organizationId())
        .isEqualTo("default");
    acme.setOrganization(" ");
    assertThatThrownBy(() -> load(acme)).hasMessageContaining("users[0].organization");
  }

  @Test
  void everyLoginGetsItsOwnCopySoAnErasedPasswordDoesNotLockTheUserOut() {
    ConfiguredUserDirectory users = load(user("admin", "{noop}pw", Role.ADMIN));
    ((org.springframework.security.core.CredentialsContainer) users.loadUserByUsername("admin"))
        .eraseCredentials();

    assertThat(users.loadUserByUsername("admin").getPassword()).isEqualTo("{noop}pw");
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
    assertThatThrownBy(() -> load(user(" ", "{noop}pw", Role.USER)))
        .hasMessageContaining("users[0].username");
    assertThatThrownBy(
            () -> load(user("a", "{noop}pw", Role.USER), user("a", "{noop}pw", Role.ADMIN)))
        .hasMessageContaining("users[1]")
        .hasMessageContaining("twice");
  }

  private ConfiguredUserDirectory load(ApiSecurityProperties.User... users) {
    ApiSecurityProperties properties = new ApiSecurityProperties();
    properties.setUsers(new ArrayList<>(List.of(users)));
    return ConfiguredUsers.load(properties, encoder, "default");
  }

  private static ApiSecurityProperties.User user(String name, String password, Role... roles) {
    ApiSecurityProperties.User user = new ApiSecurityProperties.User();
    user.setUsername(name);
    user.setPassword(password);
    user.setRoles(Set.of(roles));
    return user;
  }
}
