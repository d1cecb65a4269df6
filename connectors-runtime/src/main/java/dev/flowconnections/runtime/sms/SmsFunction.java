package dev.flowconnections.runtime.sms;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.worker.WorkerFunction;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.connector.api.annotation.OutboundConnector;

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
@WorkerDescriptor(
    request = SmsRequest.class,
    connectionType = IntegrationType.SMS,
    groups = {@TemplateGroup(id = "message", label = "Message")},
    nodes = {
      @NodeTemplate(
          id = "send-sms",
          label = "Send SMS",
          description = "Send a text message through an SMS connection (Twilio, AWS SNS)")
    })
public class SmsFunction extends WorkerFunction<SmsRequest> {

  public static final String TYPE = "io.flowconnections:sms:1";

  public SmsFunction(SmsService smsService) {
    super((request, context) -> smsService.send(request, context.getJobContext()));
  }
}
