package dev.flowconnections.runtime.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.runtime.health.HealthProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Compose file and the Helm chart under deploy/ (docs/deploy.md), parsed and rendered: they
 * must wire the runtime with the variables docs/deploy.md names, keep secrets out of plain values,
 * run as the image's non-root user and check health where the runtime serves it. (bin/image-check
 * runs the image itself.)
 */
class DeploymentExamplesTest {

  static final Path DEPLOY = Path.of("..", "deploy");
  static final Path DOCS = Path.of("..", "docs", "deploy.md");
  static final Pattern VARIABLE =
      Pattern.compile("\\b(?:FLOW_CONNECTIONS|CAMUNDA_CLIENT)_[A-Z0-9_]+");

  @Test
  @SuppressWarnings("unchecked")
  void composeRunsTheRuntimeOnPostgresWithVaultOnlyInItsProfile() throws IOException {
    Map<String, Object> services =
        (Map<String, Object>)
            HelmTemplates.loadYaml(DEPLOY.resolve("compose/compose.yaml")).get("services");
    Map<String, Object> runtime = (Map<String, Object>) services.get("runtime");
    Map<String, Object> environment = (Map<String, Object>) runtime.get("environment");

    assertThat(services).containsOnlyKeys("postgres", "runtime", "vault");
    assertThat(((Map<String, Object>) services.get("vault")).get("profiles"))
        .isEqualTo(List.of("vault"));
    assertThat(services.get("postgres"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .doesNotContainKey("profiles");
    assertThat(environment)
        .containsKeys(
            "FLOW_CONNECTIONS_ENVIRONMENT",
            "FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY",
            "FLOW_CONNECTIONS_DB_URL",
            "FLOW_CONNECTIONS_DB_USER",
            "FLOW_CONNECTIONS_DB_PASSWORD");
    assertThat((String) environment.get("FLOW_CONNECTIONS_DB_URL"))
        .startsWith("jdbc:postgresql://postgres:5432/");
    // secrets come from the operator's environment, never a value in the file
    assertThat((String) environment.get("FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY"))
        .startsWith("${FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY:?");
    assertThat((String) environment.get("FLOW_CONNECTIONS_DB_PASSWORD"))
        .startsWith("${FLOW_CONNECTIONS_DB_PASSWORD:?");
    assertThat((List<String>) runtime.get("ports")).singleElement().asString().endsWith(":8080");

    List<String> healthCheck =
        (List<String>) ((Map<String, Object>) runtime.get("healthcheck")).get("test");
    assertThat(healthCheck)
        .startsWith("CMD", "java")
        .contains("/app/classes", HealthProbe.class.getName())
        .endsWith("/actuator/health/liveness");
    assertThat(runtime).containsEntry("read_only", true).containsEntry("tmpfs", List.of("/tmp"));
  }

  @Test
  void everyVariableOfTheExamplesIsDocumented() throws IOException {
    String docs = Files.readString(DOCS) + Files.readString(Path.of("..", "docs", "vault.md"));
    String examples =
        Files.readString(DEPLOY.resolve("compose/compose.yaml"))
            + Files.readString(DEPLOY.resolve("compose/runtime.env.example"))
            + Files.readString(DEPLOY.resolve("helm/flow-connections/templates/deployment.yaml"));

    Matcher variables = VARIABLE.matcher(examples);
    while (variables.find()) {
      String variable = variables.group();
      if (variable.startsWith("FLOW_CONNECTIONS_SECURITY_USERS_")
          || variable.startsWith("FLOW_CONNECTIONS_STORE_VAULT_")
          || variable.equals("FLOW_CONNECTIONS_IMAGE")
          || variable.equals("FLOW_CONNECTIONS_PORT")) {
        continue; // list-indexed users (docs/access-control.md), Vault's relaxed binding
        // (docs/vault.md), Compose's own
      }
      assertThat(docs).as("%s is documented", variable).contains(variable);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void helmChartRunsNonRootWithProbesAndSecretsFromSecrets() throws IOException {
    Path chart = DEPLOY.resolve("helm/flow-connections");
    Map<String, Map<String, Object>> resources =
        new HelmTemplates(
                HelmTemplates.loadYaml(chart.resolve("values.yaml")),
                "demo",
                HelmTemplates.loadYaml(chart.resolve("Chart.yaml")))
            .renderChart(chart);

    assertThat(resources).containsOnlyKeys("Deployment", "Service");
    Map<String, Object> pod =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) resources.get("Deployment").get("spec")).get("template"))
                .get("spec");
    Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).getFirst();
    Map<String, Map<String, Object>> env = environment(container);

    assertThat((Map<String, Object>) pod.get("securityContext"))
        .containsEntry("runAsNonRoot", true)
        .containsEntry("runAsUser", 65532);
    assertThat(container.get("image")).isEqualTo("flow-connections-runtime:0.1.0-SNAPSHOT");
    assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
    assertThat(probePath(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
    assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
    assertThat(env.get("FLOW_CONNECTIONS_ENCRYPTION_MASTER_KEY"))
        .containsOnlyKeys("name", "valueFrom");
    assertThat(env.get("FLOW_CONNECTIONS_DB_PASSWORD")).containsOnlyKeys("name", "valueFrom");
    assertThat(env.get("CAMUNDA_CLIENT_GRPCADDRESS"))
        .containsEntry("value", "http://camunda-zeebe-gateway:26500");
    assertThat(env)
        .doesNotContainKeys("CAMUNDA_CLIENT_AUTH_METHOD", "CAMUNDA_CLIENT_AUTH_CLIENTSECRET");
    Map<String, Object> service = (Map<String, Object>) resources.get("Service").get("spec");
    assertThat((List<Map<String, Object>>) service.get("ports"))
        .singleElement()
        .satisfies(port -> assertThat(port).containsEntry("port", 8080));
  }

  @Test
  @SuppressWarnings("unchecked")
  void helmChartWithOidcReadsTheClientSecretFromASecretAndPassesExtraEnv() throws IOException {
    Path chart = DEPLOY.resolve("helm/flow-connections");
    Map<String, Object> values = HelmTemplates.loadYaml(chart.resolve("values.yaml"));
    Map<String, Object> oidc =
        new HashMap<>(
            (Map<String, Object>) ((Map<String, Object>) values.get("camunda")).get("oidc"));
    oidc.put("clientId", "flow-connections");
    Map<String, Object> camunda = new HashMap<>((Map<String, Object>) values.get("camunda"));
    camunda.put("oidc", oidc);
    values = new HashMap<>(values);
    values.put("camunda", camunda);
    values.put(
        "extraEnv", List.of(Map.of("name", "FLOW_CONNECTIONS_STORE_TYPE", "value", "vault")));

    Map<String, Object> deployment =
        new HelmTemplates(values, "demo", HelmTemplates.loadYaml(chart.resolve("Chart.yaml")))
            .renderChart(chart)
            .get("Deployment");
    Map<String, Object> pod =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template"))
                .get("spec");
    Map<String, Map<String, Object>> env =
        environment(((List<Map<String, Object>>) pod.get("containers")).getFirst());

    assertThat(env.get("CAMUNDA_CLIENT_AUTH_METHOD")).containsEntry("value", "oidc");
    assertThat(env.get("CAMUNDA_CLIENT_AUTH_CLIENTID")).containsEntry("value", "flow-connections");
    assertThat(env.get("CAMUNDA_CLIENT_AUTH_CLIENTSECRET")).containsOnlyKeys("name", "valueFrom");
    assertThat(env.get("FLOW_CONNECTIONS_STORE_TYPE")).containsEntry("value", "vault");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> environment(Map<String, Object> container) {
    Map<String, Map<String, Object>> byName = new HashMap<>();
    for (Map<String, Object> entry : (List<Map<String, Object>>) container.get("env")) {
      assertThat(byName.put((String) entry.get("name"), entry))
          .as("%s set once", entry.get("name"))
          .isNull();
    }
    return byName;
  }

  @SuppressWarnings("unchecked")
  private static String probePath(Map<String, Object> container, String probe) {
    Map<String, Object> httpGet =
        (Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet");
    assertThat(httpGet).containsEntry("port", "http");
    return (String) httpGet.get("path");
  }
}
