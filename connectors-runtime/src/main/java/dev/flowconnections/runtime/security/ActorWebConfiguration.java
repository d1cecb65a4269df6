package dev.flowconnections.runtime.security;

import dev.flowconnections.catalogue.CatalogueSeeder;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers {@link ActorArgumentResolver} with Spring MVC; with the catalogue enabled, it seeds an
 * organization the first time one of its users makes a request.
 */
@Configuration(proxyBeanMethods = false)
class ActorWebConfiguration implements WebMvcConfigurer {

  private final ObjectProvider<CatalogueSeeder> catalogue;

  ActorWebConfiguration(ObjectProvider<CatalogueSeeder> catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new ActorArgumentResolver(
            organization -> catalogue.ifAvailable(seeder -> seeder.ensureSeeded(organization))));
  }
}
