package dev.flowconnections.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.access.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 13, item 9 (enumeration by timing): an unknown username must cost what a known one costs.
 * Timing tests flake on a loaded machine, so this checks the cause instead: the password encoder
 * runs for an unknown user too, against a hash of the same kind as the configured users' ones
 * (Spring's provider used a fresh bcrypt hash, slower than the users' {noop} or cheaper bcrypt).
 */
@Tag("fast")
class ConfiguredUserAuthenticationTest {

  private final CountingEncoder encoder = new CountingEncoder();

  private final ConfiguredUserAuthentication authentication =
      new ConfiguredUserAuthentication(
          ConfiguredUsers.load(properties(), encoder, "default"),
          encoder,
          new LoginThrottle(new ApiSecurityProperties.LoginThrottle(), Clock.systemUTC()));

  @Test
  void anUnknownUserRunsTheEncoderAgainstAConfiguredUsersKindOfHash() {
    encoder.checked.clear();

    assertThatThrownBy(
            () ->
                authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("nobody", "pw")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(
            () ->
                authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("alice", "wrong")))
        .isInstanceOf(BadCredentialsException.class);

    assertThat(encoder.checked).hasSize(2);
    assertThat(encoder.checked.get(0)).as("unknown user").startsWith("{bcrypt}$2a$04$");
    assertThat(encoder.checked.get(1)).as("known user").startsWith("{bcrypt}$2a$04$");
  }

  @Test
  void theRightPasswordSignsIn() {
    var result =
        authentication.authenticate(
            UsernamePasswordAuthenticationToken.unauthenticated("alice", "alice"));

    assertThat(result.isAuthenticated()).isTrue();
    assertThat(((OrganizationUser) result.getPrincipal()).organizationId()).isEqualTo("default");
    assertThat(result.getCredentials()).isNull();
  }

  private static ApiSecurityProperties properties() {
    ApiSecurityProperties properties = new ApiSecurityProperties();
    ApiSecurityProperties.User alice = new ApiSecurityProperties.User();
    alice.setUsername("alice");
    alice.setPassword("{bcrypt}" + new BCryptPasswordEncoder(4).encode("alice"));
    alice.setRoles(Set.of(Role.USER));
    properties.setUsers(List.of(alice));
    return properties;
  }

  private static final class CountingEncoder implements PasswordEncoder {
    private final PasswordEncoder delegate =
        PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final List<String> checked = new ArrayList<>();

    @Override
    public String encode(CharSequence raw) {
      return delegate.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      checked.add(encoded);
      return delegate.matches(raw, encoded);
    }
  }
}
