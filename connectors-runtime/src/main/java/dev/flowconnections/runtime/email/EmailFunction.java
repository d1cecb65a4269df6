package dev.flowconnections.runtime.email;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.worker.WorkerFunction;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
import dev.flowconnections.templates.node.ToolInput;
import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.connector.api.annotation.OutboundConnector;

/**
 * The Send Email task of Flow Connections: sends a message over SMTP or SendGrid with the server
 * and credentials of an Email connection, resolved for the environment this runtime serves. A
 * process names the connection, the recipients and the content; it never sees a credential.
 *
 * <p>Result: {@link EmailResult} ({@code provider}, {@code messageId}).
 */
@OutboundConnector(
    name = "Flow Connections Send Email",
    inputVariables = {
      "connection",
      "to",
      "cc",
      "bcc",
      "from",
      "subject",
      "textBody",
      "htmlBody",
      "attachments",
      "allowedRecipients"
    },
    type = EmailFunction.TYPE)
@WorkerDescriptor(
    request = EmailRequest.class,
    connectionType = IntegrationType.EMAIL,
    groups = {
      @TemplateGroup(id = "message", label = "Message"),
      @TemplateGroup(id = "guard", label = "Guard")
    },
    nodes = {
      @NodeTemplate(
          id = "send-email",
          label = "Send Email",
          description = "Send an email through an Email connection (SMTP, SendGrid)"),
      @NodeTemplate(
          id = "email-tool",
          label = "Email Tool",
          description =
              "An email an AI Agent may send as a tool, only to the recipients the task allows:"
                  + " place it inside the agent's ad-hoc sub-process",
          toolDescription =
              "Sends an email. Only some recipients are allowed; a refused one is reported back.",
          toolInputs = {
            @ToolInput(input = "to", description = "The recipient's email address"),
            @ToolInput(input = "subject", description = "The subject line"),
            @ToolInput(input = "textBody", description = "The message, as plain text")
          })
    })
public class EmailFunction extends WorkerFunction<EmailRequest> {

  public static final String TYPE = "io.flowconnections:email:1";

  public EmailFunction(EmailService emailService) {
    super((request, context) -> emailService.send(request, context.getJobContext()));
  }
}
