package dev.flowconnections.runtime.email;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;

/**
 * The Send Email task of Flow Connections: sends a message over SMTP or SendGrid with the server and
 * credentials of an Email connection, resolved for the environment this runtime serves. A process
 * names the connection, the recipients and the content; it never sees a credential.
 *
 * <p>Result: {@link EmailResult} ({@code provider}, {@code messageId}).
 */
@OutboundConnector(
    name = "Flow Connections Send Email",
    inputVariables = {"connection", "to", "cc", "bcc", "from", "subject", "textBody", "htmlBody", "attachments"},
    type = EmailFunction.TYPE)
public class EmailFunction implements OutboundConnectorFunction {

  public static final String TYPE = "io.flowconnections:email:1";

  private final EmailService emailService;

  public EmailFunction(EmailService emailService) {
    this.emailService = emailService;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    EmailRequest request = context.bindVariables(EmailRequest.class);
    return emailService.send(request, context.getJobContext());
  }
}
