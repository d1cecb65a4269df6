package dev.flowconnections.runtime.rest;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.connectiontest.ConnectionTester;
import dev.flowconnections.runtime.connectiontest.TestOutcome;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;

/**
 * Tests a REST API connection with one authenticated call: GET on the integration's optional {@code
 * healthPath}, else HEAD on the base URL. Any answer below 400 means reachable and accepted (a 3xx
 * too: redirects are not followed, so credentials never travel to where they point); 401 and 403
 * mean the credentials were refused.
 */
public class RestConnectionTester implements ConnectionTester {

  public static final String HEALTH_PATH = "healthPath";
  private static final int TIMEOUT_SECONDS = 10;

  private final RestService rest;

  public RestConnectionTester(RestService rest) {
    this.rest = rest;
  }

  @Override
  public boolean supports(ResolvedConnection connection) {
    return connection.type() == IntegrationType.REST_API;
  }

  @Override
  public TestOutcome test(ResolvedConnection connection) {
    String healthPath = connection.text(HEALTH_PATH).orElse(null);
    HttpMethod method = healthPath == null ? HttpMethod.HEAD : HttpMethod.GET;
    RestRequest request =
        new RestRequest(
            connection.key(),
            method,
            healthPath,
            null,
            null,
            null,
            TIMEOUT_SECONDS,
            TIMEOUT_SECONDS);
    try {
      RestResponse response = rest.call(connection, request);
      return TestOutcome.succeeded(
          "HTTP " + response.status() + " from " + method + " " + request.displayPath());
    } catch (ConnectorException e) {
      if (isRedirect(e.getErrorCode())) {
        return TestOutcome.succeeded(
            "HTTP "
                + e.getErrorCode()
                + " (a redirect, not followed) from "
                + method
                + " "
                + request.displayPath());
      }
      if ("401".equals(e.getErrorCode()) || "403".equals(e.getErrorCode())) {
        return TestOutcome.failed(
            "authentication rejected (HTTP "
                + e.getErrorCode()
                + " from "
                + method
                + " "
                + request.displayPath()
                + ")");
      }
      return TestOutcome.failed(e, e.getMessage());
    } catch (ConnectorInputException | ConnectionResolutionException e) {
      return TestOutcome.failed(e.getMessage());
    }
  }

  /** The REST worker fails non-2xx answers with the status as error code. */
  private static boolean isRedirect(String errorCode) {
    return errorCode != null
        && errorCode.length() == 3
        && errorCode.startsWith("3")
        && errorCode.chars().allMatch(Character::isDigit);
  }
}
