package dev.flowconnections.runtime.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the shape every API error shares: status, problem+json, a readable detail, the field at
 * fault.
 */
public final class ProblemAssert {

  private ProblemAssert() {}

  public static JsonNode assertProblem(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType())
        .as(response.toString())
        .startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.path("detail").asText()).as("detail").isNotBlank();
    assertThat(response.body()).as("no stack trace").doesNotContain("Exception", "\tat ");
    return problem;
  }

  /** A problem naming {@code field} both as {@code field} and in {@code errors}. */
  public static JsonNode assertProblem(ApiClient.Response response, int status, String field) {
    JsonNode problem = assertProblem(response, status);
    assertThat(problem.path("field").asText()).as(response.toString()).isEqualTo(field);
    assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
    assertThat(problem.path("errors").findValuesAsText("message")).allMatch(m -> !m.isBlank());
    return problem;
  }
}
