package dev.flowconnections.runtime.oauth2;

import dev.flowconnections.runtime.testsupport.ApiTestBase;
import dev.flowconnections.runtime.testsupport.OAuth2TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * An API test with a real authorization server whose redirect URI is this runtime's OAuth2
 * callback: it can only be started once the runtime's port is known, so it starts before the
 * class's first test and stops after its last.
 */
abstract class AuthorizationCodeTestBase extends ApiTestBase {

  static OAuth2TestServer authServer;
  AuthorizationCodeFixture oauth;

  @BeforeEach
  void authorizationServer() {
    if (authServer == null) {
      authServer = OAuth2TestServer.start(AuthorizationCodeFixture.callbackUrl(port));
    }
    oauth = new AuthorizationCodeFixture(admin, authServer, port);
  }

  @AfterAll
  static void stopAuthorizationServer() {
    if (authServer != null) {
      authServer.close();
      authServer = null;
    }
  }
}
