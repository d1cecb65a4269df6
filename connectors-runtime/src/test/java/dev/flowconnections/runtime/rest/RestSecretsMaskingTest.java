package dev.flowconnections.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import io.camunda.connector.api.error.ConnectorException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A server that reflects credentials must not get them into process variables or incidents. */
@Tag("fast")
class RestSecretsMaskingTest {

  private static final String TOKEN = "tok-SECRET-4711";

  private final RestTestFixture fixture =
      new RestTestFixture().connection(AuthScheme.BEARER, Map.of(), Map.of("token", TOKEN));

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void masksTheTokenInJsonBodiesIncludingEscapedSpellingsAndKeys() {
    fixture.server.respond(
        Reply.json(
            200,
            "{\"auth\":\"Bearer "
                + TOKEN
                + "\",\"escaped\":\"tok-SECRET-\\u00347\\u00311\","
                + "\""
                + TOKEN
                + "\":[\""
                + TOKEN
                + "\"],\"count\":2}"));

    RestResponse response = fixture.get("/echo");

    assertThat(response.body())
        .isEqualTo(
            Map.of(
                "auth",
                "Bearer ****",
                "escaped",
                "****",
                "****",
                java.util.List.of("****"),
                "count",
                2));
  }

  @Test
  void masksTheTokenInTextBodiesAndHeaders() {
    fixture.server.respond(
        Reply.text(200, "token=" + TOKEN).withHeader("X-Echo", "Bearer " + TOKEN));

    RestResponse response = fixture.get("/echo");

    assertThat(response.body()).isEqualTo("token=****");
    assertThat(response.headers().values())
        .contains("Bearer ****")
        .noneMatch(v -> v.contains(TOKEN));
  }

  @Test
  void masksTheUrlEncodedFormOfAQueryApiKey() {
    fixture.connection(
        AuthScheme.API_KEY,
        Map.of("apiKeyName", "key", "apiKeyLocation", "QUERY"),
        Map.of("apiKey", "a b/c+d"));
    fixture.server.respond(request -> Reply.text(200, "query was " + request.rawQuery()));

    RestResponse response = fixture.get("/echo");

    assertThat(response.body()).isEqualTo("query was key=****");
  }

  @Test
  void masksErrorMessagesAndErrorVariables() {
    fixture.server.respond(Reply.json(401, "{\"error\":\"token " + TOKEN + " expired\"}"));

    assertThatThrownBy(() -> fixture.execute(Map.of("path", "/orders/" + TOKEN)))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("HTTP 401 from GET /orders/****");
              assertThat(e.getErrorVariables())
                  .isEqualTo(Map.of("status", 401, "body", Map.of("error", "token **** expired")));
            });
  }

  @Test
  void leavesValuesShorterThanFourCharactersAlone() {
    fixture.connection(AuthScheme.BEARER, Map.of(), Map.of("token", "abc"));
    fixture.server.respond(Reply.text(200, "abcdef"));

    assertThat(fixture.get("/x").body()).isEqualTo("abcdef");
  }
}
