package dev.flowconnections.runtime.connectiontest;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.function.Predicate;

/**
 * Tests the connections of one provider of an integration type (SMTP or SendGrid, Twilio or AWS
 * SNS) with the worker's own client. Its failures are the worker's: already masked and naming the
 * host, field or connection, so they are the test's message as they are.
 */
public abstract class ProviderConnectionTester implements ConnectionTester {

  private final IntegrationType type;
  private final Predicate<ResolvedConnection> servesProvider;

  /**
   * @param servesProvider whether the connection's {@code provider} setting is this tester's
   */
  protected ProviderConnectionTester(
      IntegrationType type, Predicate<ResolvedConnection> servesProvider) {
    this.type = type;
    this.servesProvider = servesProvider;
  }

  @Override
  public final boolean supports(ResolvedConnection connection) {
    return connection.type() == type && servesProvider.test(connection);
  }

  @Override
  public final TestOutcome test(ResolvedConnection connection) {
    try {
      return TestOutcome.succeeded(verify(connection));
    } catch (ConnectorException | ConnectorInputException e) {
      return TestOutcome.failed(e, e.getMessage());
    }
  }

  /**
   * Makes the provider's cheapest authenticated call (or login); sends nothing.
   *
   * @return what worked, for the user: the account, host or key id, never a secret
   * @throws ConnectorException or {@link ConnectorInputException} as the worker's client fails
   */
  protected abstract String verify(ResolvedConnection connection);
}
