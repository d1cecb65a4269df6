package dev.flowconnections.runtime.catalogue;

import dev.flowconnections.autoconfigure.FlowConnectionsProperties;
import dev.flowconnections.catalogue.CatalogueSeeder;
import dev.flowconnections.runtime.security.ApiSecurityProperties;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Seeds the System catalogue at start-up into every organization the runtime knows of: the default
 * one, the configured users' and tenants' organizations, and those with data in the database.
 * Organizations that appear later (OpenID Connect) are seeded at their first request.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogueStartupConfiguration {

  @Bean
  ApplicationRunner catalogueAtStartup(
      ObjectProvider<CatalogueSeeder> catalogue,
      FlowConnectionsProperties properties,
      ObjectProvider<ApiSecurityProperties> security) {
    return arguments -> {
      CatalogueSeeder seeder = catalogue.getIfAvailable();
      if (seeder == null) {
        return; // flow-connections.catalogue.enabled=false
      }
      Set<String> organizations = new TreeSet<>();
      organizations.add(properties.getOrganizationId());
      organizations.addAll(properties.getTenantOrganizations().values());
      security.ifAvailable(
          s ->
              s.getUsers().stream()
                  .map(ApiSecurityProperties.User::getOrganization)
                  .filter(Objects::nonNull)
                  .map(String::trim)
                  .filter(o -> !o.isEmpty())
                  .forEach(organizations::add));
      seeder.seedAll(organizations);
    };
  }
}
