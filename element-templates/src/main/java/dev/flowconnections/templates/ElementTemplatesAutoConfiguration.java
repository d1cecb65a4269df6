package dev.flowconnections.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.autoconfigure.FlowConnectionsAutoConfiguration;
import dev.flowconnections.autoconfigure.FlowConnectionsProperties;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.integration.openapi.ApiSpecRepository;
import dev.flowconnections.templates.node.NodeCatalog;
import dev.flowconnections.templates.node.WorkerDescriptor;
import dev.flowconnections.templates.webmodeler.WebModelerPush;
import java.time.Clock;
import java.util.List;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generation, publication history, download with personal connections, export, the push to Web
 * Modeler and auto-publish.
 */
@AutoConfiguration(after = FlowConnectionsAutoConfiguration.class)
@EnableConfigurationProperties(TemplatesProperties.class)
public class ElementTemplatesAutoConfiguration {

  @Bean
  ElementTemplateGenerator elementTemplateGenerator(
      ObjectMapper json, TemplatesProperties properties) {
    return new ElementTemplateGenerator(json, properties.getMaxDropdownChoices());
  }

  /**
   * The nodes of the workers of this application: its beans that carry a {@link WorkerDescriptor}.
   */
  @Bean
  NodeCatalog nodeCatalog(ApplicationContext context) {
    return NodeCatalog.of(
        context.getBeansWithAnnotation(WorkerDescriptor.class).values().stream()
            .<Class<?>>map(AopUtils::getTargetClass)
            .toList());
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
  TemplateChoices templateChoices(JdbcClient jdbc, ApiSpecRepository specs) {
    return new TemplateChoices(jdbc, specs);
  }

  @Bean
  TemplatePublisher templatePublisher(
      NodeCatalog nodes,
      TemplateChoices choices,
      ElementTemplateGenerator generator,
      ElementTemplateSchema schema,
      PublishedTemplateRepository repository,
      TransactionTemplate tx,
      ObjectMapper json,
      Clock clock,
      ObjectProvider<TemplatePublisher.PublicationListener> listeners) {
    return new TemplatePublisher(
        nodes,
        choices,
        generator,
        schema,
        repository,
        tx,
        json,
        clock,
        listeners.orderedStream().toList());
  }

  @Bean
  TemplateCatalog templateCatalog(
      NodeCatalog nodes, PublishedTemplateRepository repository, TemplateChoices choices) {
    return new TemplateCatalog(nodes, repository, choices);
  }

  @Bean
  TemplateStatus templateStatus(
      NodeCatalog nodes,
      TemplatePublisher publisher,
      PublishedTemplateRepository repository,
      ConnectionService connections,
      TemplatesProperties properties) {
    return new TemplateStatus(
        nodes, publisher, repository, connections, properties.isAutoPublish());
  }

  @Bean
  @ConditionalOnProperty("flow-connections.templates.export-dir")
  FolderExport templateFolderExport(TemplatesProperties properties, ObjectMapper json) {
    return new FolderExport(properties.getExportDir(), json);
  }

  @Bean
  @ConditionalOnProperty("flow-connections.templates.web-modeler.base-url")
  WebModelerPush templateWebModelerPush(
      TemplatesProperties properties,
      ObjectProvider<FlowConnectionsProperties> flowConnections,
      ObjectMapper json,
      Clock clock) {
    TemplatesProperties.WebModeler settings = properties.getWebModeler();
    List<String> missing = settings.missingSettings();
    if (!missing.isEmpty()) {
      // Fail at startup: a half-configured push would otherwise only show up as warnings later.
      throw new IllegalStateException(
          "flow-connections.templates.web-modeler.base-url is set, but "
              + missing.stream()
                  .map(name -> "flow-connections.templates.web-modeler." + name)
                  .toList()
              + " not: set them too, or remove base-url to switch the push off");
    }
    String organizationId =
        settings.getOrganizationId() != null
            ? settings.getOrganizationId()
            : flowConnections.getIfAvailable(FlowConnectionsProperties::new).getOrganizationId();
    return WebModelerPush.connect(settings, organizationId, json, clock);
  }

  @Bean
  @ConditionalOnProperty(
      name = "flow-connections.templates.auto-publish",
      havingValue = "true",
      matchIfMissing = true)
  AutoPublisher templateAutoPublisher(TemplatePublisher publisher, TemplatesProperties properties) {
    return new AutoPublisher(publisher, properties.getAutoPublishDelay());
  }
}
