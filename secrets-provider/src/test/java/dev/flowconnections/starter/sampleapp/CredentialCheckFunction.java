package dev.flowconnections.starter.sampleapp;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The team's trivial connector: it receives a credential and an org secret through {@code
 * {{secrets...}}} placeholders of its input mappings and answers only their lengths. A result lands
 * in process variables, so it never returns the values; what it saw goes to {@link SeenCredentials}
 * for the test to compare.
 */
@Component
@OutboundConnector(
    name = "Credential check",
    inputVariables = {"token", "orgSecret"},
    type = CredentialCheckFunction.TYPE)
public class CredentialCheckFunction implements OutboundConnectorFunction {

  public static final String TYPE = "sampleapp:credential-check";

  private final SeenCredentials seen;

  public CredentialCheckFunction(SeenCredentials seen) {
    this.seen = seen;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    CredentialCheckRequest request = context.bindVariables(CredentialCheckRequest.class);
    seen.add(request);
    return Map.of(
        "tokenLength", request.token().length(), "orgSecretLength", request.orgSecret().length());
  }
}
