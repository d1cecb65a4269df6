package dev.flowconnections.runtime.cluster;

import dev.flowconnections.errors.StartupConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Checks the Camunda client's settings before any bean is built, so that a runtime pointed at no
 * cluster or at half a SaaS configuration stops with one line that names the setting, instead of
 * retrying a gRPC channel to nowhere. Logs the effective mode and addresses (never a credential).
 */
final class CamundaClientSettingsCheck implements BeanFactoryPostProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaClientSettingsCheck.class);

  private final Environment environment;

  CamundaClientSettingsCheck(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    check(environment);
  }

  static void check(Environment environment) {
    String mode =
        environment.getProperty("camunda.client.mode", "self-managed").toLowerCase(Locale.ROOT);
    if (mode.equals("saas")) {
      require(
          environment,
          "camunda.client.cloud.cluster-id",
          "CAMUNDA_CLIENT_CLOUD_CLUSTERID",
          "the id of your SaaS cluster");
      require(
          environment,
          "camunda.client.auth.client-id",
          "CAMUNDA_CLIENT_AUTH_CLIENTID",
          "the client id of the cluster's API client");
      require(
          environment,
          "camunda.client.auth.client-secret",
          "CAMUNDA_CLIENT_AUTH_CLIENTSECRET",
          "the client secret of the cluster's API client");
    }
    String grpc = address(environment, "camunda.client.grpc-address", "CAMUNDA_CLIENT_GRPCADDRESS");
    String rest = address(environment, "camunda.client.rest-address", "CAMUNDA_CLIENT_RESTADDRESS");
    LOG.info(
        "Camunda client: mode {}, gRPC {}, REST {}, authentication {}",
        mode,
        grpc,
        rest,
        environment.getProperty("camunda.client.auth.method", "none"));
  }

  private static void require(
      Environment environment, String property, String variable, String what) {
    if (environment.getProperty(property, "").isBlank()) {
      throw new StartupConfigurationException(
          "camunda.client.mode is saas but " + property + " is not set",
          "Set "
              + variable
              + " to "
              + what
              + " (Camunda Console > Cluster > API). docs/deploy.md lists every variable.");
    }
  }

  /**
   * An address must be an absolute http(s) URL: "zeebe:26500" would silently be a URI of scheme
   * "zeebe".
   */
  private static String address(Environment environment, String property, String variable) {
    String value = environment.getProperty(property);
    if (value == null) {
      return "(starter default)";
    }
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri.toString();
      }
    } catch (URISyntaxException e) {
      // reported below with the same message as an address without scheme
    }
    throw new StartupConfigurationException(
        property + " '" + value + "' is not an http:// or https:// address",
        "Set "
            + variable
            + " with its scheme, e.g. https://zeebe.example.com:443 (TLS) or http://zeebe:26500 (plaintext).");
  }
}
