package dev.flowconnections.runtime.security;

import static dev.flowconnections.runtime.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.environment.Environment;
import dev.flowconnections.runtime.testsupport.ApiClient;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without the test profile no user is configured: nobody gets in, not even Boot's generated "user".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApiWithoutUsersTest {

  static final ZeebeTestEngine ENGINE = RuntimeTestSupport.startEngine();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RuntimeTestSupport.register(registry, ENGINE, Environment.DEVELOPMENT);
  }

  @LocalServerPort int port;
  @Autowired AuthenticationProvider users;
  @Autowired ObjectProvider<UserDetailsService> generatedUsers;

  @Test
  void everyApiCallIsUnauthorized() {
    ApiClient api = ApiClient.on(port);

    assertProblem(api.as("admin").get("/api/integrations"), 401);
    assertProblem(api.as("user").get("/api/connections"), 401);
    assertProblem(api.anonymous().get("/api/secrets"), 401);
    assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void thereIsNoGeneratedDefaultUser() {
    assertThat(generatedUsers.getIfAvailable())
        .as("Boot's in-memory user store backed off")
        .isNull();
    assertThatThrownBy(
            () ->
                users.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("user", "any")))
        .isInstanceOf(BadCredentialsException.class);
  }
}
