package dev.flowconnections.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Camunda connector runtime with Flow Connections: job workers, SecretProvider, management API.
 */
@SpringBootApplication
public class FlowConnectionsRuntime {

  public static void main(String[] args) {
    SpringApplication.run(FlowConnectionsRuntime.class, args);
  }
}
