package dev.flowconnections.runtime.network;

import io.camunda.connector.api.error.ConnectorInputException;

/**
 * An outbound address the runtime's network policy refuses. A configuration problem, not an outage:
 * the worker's incident comes at once without retries, and the message says no more than that the
 * policy refused (nothing about what, if anything, listens there).
 */
public class AddressNotAllowedException extends ConnectorInputException {

  public AddressNotAllowedException(String host) {
    super(host + ": " + OutboundAddressPolicy.REFUSAL);
  }
}
