package dev.flowconnections.starter.sampleapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A team's own connector runtime, not ours: Camunda's Spring Boot connector starter, one connector
 * of its own ({@link CredentialCheckFunction}) and the secrets-provider starter; nothing else of
 * Flow Connections. Our SecretProvider arrives by auto-configuration alone.
 */
@SpringBootApplication
public class SampleConnectorRuntime {

  public static void main(String[] args) {
    SpringApplication.run(SampleConnectorRuntime.class, args);
  }
}
