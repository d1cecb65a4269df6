package dev.flowconnections.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The database settings of every process with our SecretProvider have the same names as the Flow
 * Connections runtime's ({@code FLOW_CONNECTIONS_DB_URL}, {@code _USER}, {@code _PASSWORD}), also
 * in a connector runtime whose configuration we cannot edit (the drop-in jar in Camunda's bundle
 * image). They are the lowest-ranked source of {@code spring.datasource.*}: a datasource the
 * application configures itself wins.
 */
class DatabaseEnvironment implements EnvironmentPostProcessor {

  private static final Map<String, String> SETTINGS =
      Map.of(
          "FLOW_CONNECTIONS_DB_URL", "spring.datasource.url",
          "FLOW_CONNECTIONS_DB_USER", "spring.datasource.username",
          "FLOW_CONNECTIONS_DB_PASSWORD", "spring.datasource.password");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> datasource = new LinkedHashMap<>();
    SETTINGS.forEach(
        (variable, property) -> {
          String value = environment.getProperty(variable);
          if (value != null) {
            datasource.put(property, value);
          }
        });
    if (!datasource.isEmpty()) {
      environment
          .getPropertySources()
          .addLast(new MapPropertySource("flowConnectionsDatabase", datasource));
    }
  }
}
