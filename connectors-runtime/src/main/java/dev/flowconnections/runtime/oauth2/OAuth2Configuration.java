package dev.flowconnections.runtime.oauth2;

import dev.flowconnections.change.ChangeRecorder;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.crypto.EnvelopeCipher;
import dev.flowconnections.oauth2.OAuth2AuthorizationRequests;
import dev.flowconnections.oauth2.OAuth2Grants;
import dev.flowconnections.resolution.ConnectionResolver;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** OAuth2 for every HTTP-based worker ({@link OAuth2AccessTokens}) and the "Connect" flow. */
@Configuration(proxyBeanMethods = false)
public class OAuth2Configuration {

  @Bean
  OAuth2Grants oauth2Grants(
      ConnectionRepository connections,
      CredentialStore credentials,
      JdbcClient jdbc,
      TransactionTemplate tx,
      ChangeRecorder changes,
      Clock clock) {
    return new OAuth2Grants(connections, credentials, jdbc, tx, changes, clock);
  }

  @Bean
  OAuth2AuthorizationRequests oauth2AuthorizationRequests(
      JdbcClient jdbc, EnvelopeCipher cipher, Clock clock) {
    return new OAuth2AuthorizationRequests(jdbc, cipher, clock);
  }

  @Bean
  TokenEndpointClient tokenEndpointClient(ObjectProvider<MeterRegistry> meters) {
    return new TokenEndpointClient(
        ConnectorsObjectMapperSupplier.getCopy(),
        meters.getIfAvailable(CompositeMeterRegistry::new));
  }

  @Bean
  OAuth2Connect oauth2Connect(
      ConnectionService connections,
      ConnectionResolver resolver,
      OAuth2AuthorizationRequests requests,
      OAuth2Grants grants,
      TokenEndpointClient tokenEndpoint,
      OAuth2AccessTokens accessTokens,
      UserInfoClient userInfo,
      Clock clock) {
    return new OAuth2Connect(
        connections, resolver, requests, grants, tokenEndpoint, accessTokens, userInfo, clock);
  }

  @Bean
  UserInfoClient oauth2UserInfoClient() {
    return new UserInfoClient(ConnectorsObjectMapperSupplier.getCopy());
  }

  @Bean
  public OAuth2AccessTokens oauth2AccessTokens(
      TokenEndpointClient tokenEndpointClient, OAuth2Grants grants, Clock clock) {
    return new OAuth2AccessTokens(tokenEndpointClient, grants, clock);
  }
}
