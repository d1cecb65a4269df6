package dev.flowconnections.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.spring.properties.CamundaClientProperties;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The runtime's own configuration (its application.yml is on this classpath) must leave the Camunda
 * client to the starter's mode defaults: environment variables alone point it at SaaS or at a
 * self-managed cluster. Only the client's properties are bound here; nothing connects.
 */
class CamundaClientModeTest {

  @Test
  void saasModeFromEnvironmentVariablesAloneYieldsTheClustersAddressesAndTokenUrl() {
    CamundaClientProperties client =
        clientProperties(
            Map.of(
                "CAMUNDA_CLIENT_MODE", "saas",
                "CAMUNDA_CLIENT_CLOUD_CLUSTERID", "c0ffee-1234",
                "CAMUNDA_CLIENT_CLOUD_REGION", "dsm-1",
                "CAMUNDA_CLIENT_AUTH_CLIENTID", "runtime-client",
                "CAMUNDA_CLIENT_AUTH_CLIENTSECRET", "runtime-secret"));

    assertThat(client.getGrpcAddress())
        .isEqualTo(URI.create("https://c0ffee-1234.dsm-1.zeebe.camunda.io:443"));
    assertThat(client.getRestAddress())
        .isEqualTo(URI.create("https://dsm-1.zeebe.camunda.io:443/c0ffee-1234"));
    assertThat(client.getAuth().getTokenUrl())
        .isEqualTo(URI.create("https://login.cloud.camunda.io/oauth/token"));
    assertThat(client.getAuth().getAudience()).isEqualTo("zeebe.camunda.io");
    assertThat(client.getAuth().getClientId()).isEqualTo("runtime-client");
  }

  @Test
  void selfManagedAddressesAndOidcClientCredentialsComeFromTheEnvironment() {
    CamundaClientProperties client =
        clientProperties(
            Map.of(
                "CAMUNDA_CLIENT_MODE", "self-managed",
                "CAMUNDA_CLIENT_GRPCADDRESS", "https://zeebe.example.test:26500",
                "CAMUNDA_CLIENT_RESTADDRESS", "https://camunda.example.test",
                "CAMUNDA_CLIENT_AUTH_METHOD", "oidc",
                "CAMUNDA_CLIENT_AUTH_TOKENURL",
                    "https://login.example.test/realms/camunda/protocol/openid-connect/token",
                "CAMUNDA_CLIENT_AUTH_CLIENTID", "connectors",
                "CAMUNDA_CLIENT_AUTH_AUDIENCE", "zeebe-api"));

    assertThat(client.getGrpcAddress()).isEqualTo(URI.create("https://zeebe.example.test:26500"));
    assertThat(client.getRestAddress()).isEqualTo(URI.create("https://camunda.example.test"));
    assertThat(client.getAuth().getTokenUrl())
        .isEqualTo(
            URI.create("https://login.example.test/realms/camunda/protocol/openid-connect/token"));
    assertThat(client.getAuth().getAudience()).isEqualTo("zeebe-api");
  }

  private static CamundaClientProperties clientProperties(
      Map<String, Object> environmentVariables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
    SpringApplication application = new SpringApplication(ClientPropertiesOnly.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setEnvironment(environment);
    try (ConfigurableApplicationContext context = application.run()) {
      return context.getBean(CamundaClientProperties.class);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CamundaClientProperties.class)
  static class ClientPropertiesOnly {}
}
