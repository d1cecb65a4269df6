package dev.flowconnections.runtime.security;

import dev.flowconnections.access.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code flow-connections.security.*}: the users of the management API. There is no default user;
 * with none configured every API call is refused.
 */
@ConfigurationProperties("flow-connections.security")
public class ApiSecurityProperties {

  private List<User> users = new ArrayList<>();

  private LoginThrottle loginThrottle = new LoginThrottle();

  public LoginThrottle getLoginThrottle() {
    return loginThrottle;
  }

  public void setLoginThrottle(LoginThrottle loginThrottle) {
    this.loginThrottle = loginThrottle;
  }

  public List<User> getUsers() {
    return users;
  }

  public void setUsers(List<User> users) {
    this.users = users;
  }

  /** {@code flow-connections.security.users[i].*} */
  public static class User {

    private String username;

    /**
     * A Spring Security password with its encoder id, e.g. {@code {bcrypt}$2a$10$...} or {@code
     * {noop}...}.
     */
    private String password;

    private Set<Role> roles = new LinkedHashSet<>();

    /** The organization the user acts in; default {@code flow-connections.organization-id}. */
    private String organization;

    public String getOrganization() {
      return organization;
    }

    public void setOrganization(String organization) {
      this.organization = organization;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public Set<Role> getRoles() {
      return roles;
    }

    public void setRoles(Set<Role> roles) {
      this.roles = roles;
    }

    @Override
    public String toString() {
      return "User["
          + username
          + ", roles="
          + roles
          + ", organization="
          + organization
          + "]"; // never the password
    }
  }

  /**
   * {@code flow-connections.security.login-throttle.*}: failed logins before a username or address
   * is refused for {@code window}.
   */
  public static class LoginThrottle {

    private int maxFailuresPerUser = 5;
    private int maxFailuresPerAddress = 20;
    private java.time.Duration window = java.time.Duration.ofMinutes(5);

    public int getMaxFailuresPerUser() {
      return maxFailuresPerUser;
    }

    public void setMaxFailuresPerUser(int maxFailuresPerUser) {
      this.maxFailuresPerUser = maxFailuresPerUser;
    }

    public int getMaxFailuresPerAddress() {
      return maxFailuresPerAddress;
    }

    public void setMaxFailuresPerAddress(int maxFailuresPerAddress) {
      this.maxFailuresPerAddress = maxFailuresPerAddress;
    }

    public java.time.Duration getWindow() {
      return window;
    }

    public void setWindow(java.time.Duration window) {
      this.window = window;
    }
  }
}
