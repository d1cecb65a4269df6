package dev.flowconnections.runtime.connectiontest;

import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.resolution.ConnectionResolver;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Test connection" with every {@link ConnectionTester} the worker configurations register. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectionTestLimits.class)
public class ConnectionTestConfiguration {

  @Bean
  ConnectionTests connectionTests(
      ConnectionService connections,
      ConnectionResolver resolver,
      List<ConnectionTester> testers,
      ConnectionTestLimits limits) {
    return new ConnectionTests(connections, resolver, testers, limits.timeout());
  }
}
