package dev.flowconnections.runtime.sms;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;

/**
 * The Send SMS task of Flow Connections: sends a text message through Twilio or AWS SNS with the
 * account and credentials of an SMS connection, resolved for the environment this runtime serves.
 *
 * <p>Result: {@link SmsResult} ({@code provider}, {@code messageId}, and Twilio's {@code status}).
 */
@OutboundConnector(
    name = "Flow Connections Send SMS",
    inputVariables = {"connection", "to", "message", "from"},
    type = SmsFunction.TYPE)
public class SmsFunction implements OutboundConnectorFunction {

  public static final String TYPE = "io.flowconnections:sms:1";

  private final SmsService smsService;

  public SmsFunction(SmsService smsService) {
    this.smsService = smsService;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    SmsRequest request = context.bindVariables(SmsRequest.class);
    return smsService.send(request, context.getJobContext());
  }
}
