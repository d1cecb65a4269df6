package dev.flowconnections.templates;

import dev.flowconnections.connection.Connection;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationFilter;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.openapi.ApiSpec;
import dev.flowconnections.integration.openapi.ApiSpecRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which connections a node's dropdown offers: those of the node's integration type, each with the
 * operations of its integration's active OpenAPI document.
 */
public class TemplateChoices {

  private final ConnectionRepository connections;
  private final IntegrationRepository integrations;
  private final ApiSpecRepository specs;

  public TemplateChoices(
      ConnectionRepository connections,
      IntegrationRepository integrations,
      ApiSpecRepository specs) {
    this.connections = connections;
    this.integrations = integrations;
    this.specs = specs;
  }

  /** Organization-wide connections: what every published template offers. */
  public Map<IntegrationType, List<ConnectionChoice>> shared(String organizationId) {
    return byType(organizationId, c -> c.visibility() == Visibility.ORGANIZATION);
  }

  /** The personal connections of one user, added to that user's download only. */
  public Map<IntegrationType, List<ConnectionChoice>> personal(
      String organizationId, String username) {
    return byType(
        organizationId, c -> c.visibility() == Visibility.PERSONAL && c.owner().equals(username));
  }

  private Map<IntegrationType, List<ConnectionChoice>> byType(
      String organizationId, Predicate<Connection> include) {
    Map<UUID, Integration> integrationsById =
        integrations.list(organizationId, IntegrationFilter.all()).stream()
            .collect(Collectors.toMap(Integration::id, Function.identity()));
    Map<UUID, ApiSpec> documents = specs.activeByIntegration(organizationId);
    return connections.list(organizationId).stream()
        .filter(include)
        .filter(c -> integrationsById.containsKey(c.integrationId()))
        .collect(
            Collectors.groupingBy(
                c -> integrationsById.get(c.integrationId()).type(),
                Collectors.mapping(
                    c ->
                        new ConnectionChoice(
                            c.key(),
                            c.name(),
                            c.visibility() == Visibility.PERSONAL,
                            documents.containsKey(c.integrationId())
                                ? documents.get(c.integrationId()).operations()
                                : List.of()),
                    Collectors.toList())));
  }
}
