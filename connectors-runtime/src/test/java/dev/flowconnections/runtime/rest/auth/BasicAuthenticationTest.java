package dev.flowconnections.runtime.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.rest.RestResponse;
import dev.flowconnections.runtime.rest.RestTestFixture;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class BasicAuthenticationTest {

  private final RestTestFixture fixture = new RestTestFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void sendsUsernameAndPasswordUtf8Base64Encoded() {
    fixture.connection(
        AuthScheme.BASIC, Map.of("username", "jürgen"), Map.of("password", "pässwörd"));

    fixture.get("/orders");

    String expected =
        Base64.getEncoder().encodeToString("jürgen:pässwörd".getBytes(StandardCharsets.UTF_8));
    assertThat(fixture.server.lastRequest().header("Authorization")).isEqualTo("Basic " + expected);
  }

  @Test
  void anEchoedAuthorizationHeaderIsMaskedToo() {
    fixture.connection(AuthScheme.BASIC, Map.of("username", "ann"), Map.of("password", "pw-12345"));
    fixture.server.respond(
        request -> Reply.text(200, "you sent " + request.header("Authorization")));

    RestResponse response = fixture.get("/whoami");

    assertThat(response.body()).isEqualTo("you sent Basic ****");
  }
}
