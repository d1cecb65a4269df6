package dev.flowconnections.templates.webmodeler;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only when {@code flow-connections.templates.web-modeler.base-url} is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("flow-connections.templates.web-modeler.base-url")
public class WebModelerConfiguration {

  @Bean
  @ConfigurationProperties("flow-connections.templates.web-modeler")
  WebModelerProperties webModelerProperties() {
    return new WebModelerProperties();
  }

  @Bean
  WebModelerPush webModelerPush(WebModelerProperties properties, ObjectMapper json, Clock clock) {
    requireSet(properties);
    HttpClient http = HttpClient.newBuilder().connectTimeout(properties.getTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    ClientCredentialsToken token = new ClientCredentialsToken(http, properties, json, clock);
    return new WebModelerPush(new WebModelerClient(http, properties, token, json), properties, json);
  }

  private static void requireSet(WebModelerProperties p) {
    if (p.getProjectId() == null || p.getTokenUrl() == null || p.getClientId() == null || p.getClientSecret() == null) {
      throw new IllegalStateException("flow-connections.templates.web-modeler needs project-id, token-url, "
          + "client-id and client-secret besides base-url");
    }
  }
}
