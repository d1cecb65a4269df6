package dev.flowconnections.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.runtime.testsupport.InputRejections;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invalid task input fails with ConnectorInputException (an incident, no retries) before any call.
 */
@Tag("fast")
class RestFunctionInputValidationTest {

  private final RestTestFixture fixture =
      new RestTestFixture().connection(AuthScheme.NONE, Map.of(), Map.of());

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void connectionIsRequired() {
    assertRejected(Map.of("connection", " "), "connection");
  }

  @Test
  void methodIsRequired() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("method", null);
    assertRejected(variables, "method");
  }

  @Test
  void unknownMethodIsRejected() {
    assertRejected(Map.of("method", "FETCH"), "method");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 61})
  void connectionTimeoutMustBeWithinBounds(int seconds) {
    assertRejected(Map.of("connectionTimeoutInSeconds", seconds), "connectionTimeoutInSeconds");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 241})
  void readTimeoutMustBeWithinBounds(int seconds) {
    assertRejected(Map.of("readTimeoutInSeconds", seconds), "readTimeoutInSeconds");
  }

  @Test
  void getRequestsCarryNoBody() {
    assertRejected(Map.of("method", "GET", "body", Map.of("a", 1)), "body");
  }

  @Test
  void methodIsCaseInsensitiveAndTimeoutsHaveDefaults() {
    RestRequest request =
        new WorkerTestContext(RestFunction.TYPE, Map.of("connection", "x", "method", "post"))
            .bindVariables(RestRequest.class);

    assertThat(request.method()).isEqualTo(HttpMethod.POST);
    assertThat(request.connectionTimeout()).hasSeconds(20);
    assertThat(request.readTimeout()).hasSeconds(20);
    assertThat(request.headers()).isEmpty();
    assertThat(request.queryParameters()).isEmpty();
  }

  @Test
  void aValidMinimalTaskCallsTheBaseUrl() {
    RestResponse response = (RestResponse) fixture.execute(Map.of());

    assertThat(response.status()).isEqualTo(200);
    assertThat(fixture.server.lastRequest().method()).isEqualTo("GET");
  }

  @Test
  void unknownConnectionIsAnInputError() {
    assertThatThrownBy(() -> fixture.execute(Map.of("connection", "nope")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("connection 'nope' does not exist");
    assertThat(fixture.server.requests()).isEmpty();
  }

  private void assertRejected(Map<String, ?> variables, String property) {
    InputRejections.assertInputRejected(() -> fixture.execute(variables), property, fixture.server);
  }
}
