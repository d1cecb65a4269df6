package dev.flowconnections.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The Flow Connections runtime plus an in-memory Zeebe engine in one process, with an example
 * connection to a built-in echo endpoint and the example process deployed: everything needed to try
 * the REST worker without a Camunda cluster. Always runs with the {@code demo} profile.
 */
@SpringBootApplication(
    scanBasePackages = {"dev.flowconnections.demo", "dev.flowconnections.runtime"})
@EnableConfigurationProperties(DemoProperties.class)
public class FlowConnectionsDemo {

  public static final String PROFILE = "demo";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(FlowConnectionsDemo.class);
    application.setAdditionalProfiles(PROFILE);
    application.run(args);
  }
}
