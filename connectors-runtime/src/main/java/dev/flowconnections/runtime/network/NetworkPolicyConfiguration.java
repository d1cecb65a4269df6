package dev.flowconnections.runtime.network;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs the outbound address policy from {@code flow-connections.network.allow} / {@code .deny}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NetworkPolicyConfiguration.NetworkProperties.class)
class NetworkPolicyConfiguration {

  @Bean
  OutboundAddressPolicy outboundAddressPolicy(NetworkProperties properties) {
    OutboundAddressPolicy policy;
    try {
      policy = new OutboundAddressPolicy(properties.getAllow(), properties.getDeny());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("flow-connections.network: " + e.getMessage(), e);
    }
    OutboundAddressPolicy.install(policy);
    return policy;
  }

  /** {@code flow-connections.network.*}: CIDR networks or single addresses. */
  @ConfigurationProperties("flow-connections.network")
  static class NetworkProperties {
    private List<String> allow = new ArrayList<>();
    private List<String> deny = new ArrayList<>();

    public List<String> getAllow() {
      return allow;
    }

    public void setAllow(List<String> allow) {
      this.allow = allow;
    }

    public List<String> getDeny() {
      return deny;
    }

    public void setDeny(List<String> deny) {
      this.deny = deny;
    }
  }
}
