package dev.flowconnections.runtime.security;

import dev.flowconnections.runtime.api.ApiJson;
import dev.flowconnections.access.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * HTTP Basic against the configured users, no sessions. The services enforce every rule again
 * with the {@link dev.flowconnections.access.Actor}; the URL rules here only refuse early what no
 * USER may ever do, so such requests fail before their body is even read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSecurityProperties.class)
class ApiSecurityConfiguration {

  private static final String[] ADMINS = {Role.ADMIN.name(), Role.SUPER_ADMIN.name()};

  @Bean
  ProblemResponses problemResponses(ApiJson json) {
    return new ProblemResponses(json);
  }

  @Bean
  SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/integrations/*/impact").hasAnyRole(ADMINS)
                    .requestMatchers(HttpMethod.GET, "/api/integrations", "/api/integrations/**").authenticated()
                    .requestMatchers("/api/integrations", "/api/integrations/**").hasAnyRole(ADMINS)
                    .requestMatchers("/api/secrets", "/api/secrets/**").hasAnyRole(ADMINS)
                    .requestMatchers("/api/credential-stores/**").hasAnyRole(ADMINS)
                    .requestMatchers("/api/admin/**").hasAnyRole(ADMINS)
                    .requestMatchers(HttpMethod.POST, "/api/templates/publish").hasAnyRole(ADMINS)
                    .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems.unauthenticated()))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(problems.unauthenticated()).accessDeniedHandler(problems.forbidden()))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable);
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * Also makes Boot back off from its generated default user: there is none. Exposed as a plain
   * UserDetailsService so Spring Security does not "upgrade" configured passwords in memory: that
   * would bcrypt-hash a {noop} password on first login and make every later request pay for bcrypt.
   */
  @Bean
  UserDetailsService apiUsers(ApiSecurityProperties properties, PasswordEncoder encoder) {
    InMemoryUserDetailsManager users = ConfiguredUsers.load(properties, encoder);
    return users::loadUserByUsername;
  }

  @Bean
  RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
    return problems.rejected();
  }
}
