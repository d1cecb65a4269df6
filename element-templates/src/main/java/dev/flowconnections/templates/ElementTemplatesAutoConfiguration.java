package dev.flowconnections.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.autoconfigure.FlowConnectionsAutoConfiguration;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.integration.IntegrationRepository;
import dev.flowconnections.templates.webmodeler.WebModelerConfiguration;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generation, publication history, download with personal connections, and the optional
 * listeners: folder export, auto-publish, Web Modeler push.
 */
@AutoConfiguration(after = FlowConnectionsAutoConfiguration.class)
@EnableConfigurationProperties(TemplatesProperties.class)
@Import(WebModelerConfiguration.class)
public class ElementTemplatesAutoConfiguration {

  @Bean
  ElementTemplateGenerator elementTemplateGenerator(ObjectMapper json) {
    return new ElementTemplateGenerator(json);
  }

  @Bean
  ElementTemplateSchema elementTemplateSchema() {
    return new ElementTemplateSchema();
  }

  @Bean
  PublishedTemplateRepository publishedTemplateRepository(JdbcClient jdbc, ObjectMapper json) {
    return new PublishedTemplateRepository(jdbc, json);
  }

  @Bean
  TemplateChoices templateChoices(ConnectionRepository connections, IntegrationRepository integrations) {
    return new TemplateChoices(connections, integrations);
  }

  @Bean
  TemplatePublisher templatePublisher(
      TemplateChoices choices,
      ElementTemplateGenerator generator,
      ElementTemplateSchema schema,
      PublishedTemplateRepository repository,
      TransactionTemplate tx,
      ObjectMapper json,
      Clock clock,
      ObjectProvider<TemplatePublisher.PublicationListener> listeners) {
    return new TemplatePublisher(choices, generator, schema, repository, tx, json, clock, listeners.orderedStream().toList());
  }

  @Bean
  TemplateCatalog templateCatalog(PublishedTemplateRepository repository, TemplateChoices choices) {
    return new TemplateCatalog(repository, choices);
  }

  @Bean
  @ConditionalOnProperty("flow-connections.templates.export-dir")
  FolderExport templateFolderExport(TemplatesProperties properties, ObjectMapper json) {
    return new FolderExport(properties.getExportDir(), json);
  }

  @Bean
  @ConditionalOnProperty(name = "flow-connections.templates.auto-publish", havingValue = "true")
  AutoPublisher templateAutoPublisher(TemplatePublisher publisher, TemplatesProperties properties) {
    return new AutoPublisher(publisher, properties.getAutoPublishDelay());
  }
}
