package dev.flowconnections.runtime.openapi;

import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.openapi.ApiSpecRepository;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI import of REST API integrations (docs/openapi.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenApiLimits.class)
public class OpenApiConfiguration {

  @Bean
  OpenApiImports openApiImports(
      IntegrationService integrations, ApiSpecRepository specs, OpenApiLimits limits, Clock clock) {
    return new OpenApiImports(integrations, specs, limits, clock);
  }
}
