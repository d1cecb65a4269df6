package dev.flowconnections.templates;

import static dev.flowconnections.templates.TemplateInput.Kind.BOOLEAN;
import static dev.flowconnections.templates.TemplateInput.Kind.NUMBER;
import static dev.flowconnections.templates.TemplateInput.Kind.STRING;
import static dev.flowconnections.templates.TemplateInput.Kind.TEXT;
import static dev.flowconnections.templates.TemplateInput.connectionDropdown;
import static dev.flowconnections.templates.TemplateInput.dropdown;
import static dev.flowconnections.templates.TemplateInput.optional;
import static dev.flowconnections.templates.TemplateInput.required;

import dev.flowconnections.integration.IntegrationType;
import java.util.List;

/**
 * The nodes of the guide's type table, each served by one job worker. The template of a node lists
 * the connections of its integration type; {@code workerAvailable} is false for nodes whose worker
 * is not built yet, and their template says so.
 */
public enum NodeType {
  REST_API(
      "rest-api", "REST API", "Call a REST API through a connection", "io.flowconnections:rest:1",
      IntegrationType.REST_API, true, Inputs.REST),
  REST_API_TOOL(
      "rest-api-tool", "REST API Tool",
      "A REST API call offered to an AI Agent as a tool: place it inside the agent's ad-hoc sub-process",
      "io.flowconnections:rest:1", IntegrationType.REST_API, true, Inputs.REST),
  SQL(
      "sql", "SQL", "Run parameterised SQL against a Database connection", "io.flowconnections:sql:1",
      IntegrationType.DATABASE, true, Inputs.SQL),
  SEND_EMAIL(
      "send-email", "Send Email", "Send an email through an Email connection (SMTP, SendGrid)",
      "io.flowconnections:email:1", IntegrationType.EMAIL, true, Inputs.EMAIL),
  SEND_SMS(
      "send-sms", "Send SMS", "Send a text message through an SMS connection (Twilio, AWS SNS)",
      "io.flowconnections:sms:1", IntegrationType.SMS, true, Inputs.SMS),
  AI_AGENT(
      "ai-agent", "AI Agent", "Ask a model of an AI Provider connection", "io.flowconnections:ai:1",
      IntegrationType.AI_PROVIDER, true, Inputs.AI),
  MCP_TOOL(
      "mcp-tool", "MCP Tool", "List or call the tools of an MCP server connection", "io.flowconnections:mcp:1",
      IntegrationType.MCP, true, Inputs.MCP),
  FILE_MANAGER(
      "file-manager", "File Manager", "List, upload, download or delete files of a Storage connection",
      "io.flowconnections:storage:1", IntegrationType.STORAGE, true, Inputs.STORAGE);

  /** Template ids share this prefix; the id never changes, versions do. */
  public static final String ID_PREFIX = "io.flowconnections.";

  private final String slug;
  private final String label;
  private final String description;
  private final String jobType;
  private final IntegrationType integrationType;
  private final boolean workerAvailable;
  private final List<TemplateInput> inputs;

  NodeType(String slug, String label, String description, String jobType, IntegrationType integrationType,
      boolean workerAvailable, List<TemplateInput> inputs) {
    this.slug = slug;
    this.label = label;
    this.description = description;
    this.jobType = jobType;
    this.integrationType = integrationType;
    this.workerAvailable = workerAvailable;
    this.inputs = inputs;
  }

  public static java.util.Optional<NodeType> byTemplateId(String templateId) {
    return java.util.Arrays.stream(values()).filter(n -> n.templateId().equals(templateId)).findFirst();
  }

  public String templateId() {
    return ID_PREFIX + slug;
  }

  public String label() {
    return label;
  }

  public String description() {
    return workerAvailable
        ? description
        : description + ". Not available yet: this runtime has no worker for it, jobs wait until one is deployed";
  }

  public String jobType() {
    return jobType;
  }

  public IntegrationType integrationType() {
    return integrationType;
  }

  public boolean workerAvailable() {
    return workerAvailable;
  }

  public List<TemplateInput> inputs() {
    return inputs;
  }

  /** Inputs per worker; names match the request records the workers bind. */
  private static final class Inputs {
    static final List<TemplateInput> REST = List.of(
        dropdown("method", "Method", "request", List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"), "GET"),
        required("path", "Path", "request", STRING, "optional")
            .describedAs("Relative to the connection's base URL, e.g. /orders/{{id}} as FEEL: =\"/orders/\" + id"),
        optional("queryParameters", "Query parameters", "request", STRING, "required")
            .describedAs("FEEL context, e.g. ={limit: 10}"),
        optional("headers", "Headers", "request", STRING, "required")
            .describedAs("FEEL context of extra headers; the connection's auth headers always win"),
        optional("body", "Request body", "request", TEXT, "optional").shownWhen("method", "POST", "PUT", "PATCH"),
        optional("connectionTimeoutInSeconds", "Connection timeout (s)", "timeout", NUMBER, null).withDefault(20),
        optional("readTimeoutInSeconds", "Read timeout (s)", "timeout", NUMBER, null).withDefault(20));

    static final List<TemplateInput> SQL = List.of(
        optional("statement", "SQL statement", "query", TEXT, "optional")
            .describedAs("Named parameters as :name; values come from Parameters, never from string concatenation."
                + " Leave empty when Statements holds a batch"),
        optional("parameters", "Parameters", "query", STRING, "required").describedAs("FEEL context, e.g. ={id: orderId}"),
        optional("statements", "Statements (batch)", "batch", STRING, "required")
            .describedAs("Instead of SQL statement: a FEEL list of {statement, parameters}, run in order"),
        optional("transaction", "All or nothing", "batch", BOOLEAN, null).withDefault(false)
            .describedAs("Run the batch in one transaction: if one statement fails, none takes effect"),
        optional("maxRows", "Row limit", "query", NUMBER, null).withDefault(1000)
            .describedAs("1 to 10000; a query with more rows returns the first ones and truncated = true"),
        optional("queryTimeoutInSeconds", "Query timeout (s)", "query", NUMBER, null).withDefault(30)
            .describedAs("1 to 240"));

    static final List<TemplateInput> EMAIL = List.of(
        required("to", "To", "message", STRING, "optional")
            .describedAs("Comma-separated addresses, or a FEEL list, e.g. =[customer.email]"),
        optional("cc", "Cc", "message", STRING, "optional"),
        optional("bcc", "Bcc", "message", STRING, "optional"),
        optional("from", "From", "message", STRING, "optional")
            .describedAs("Defaults to the integration's sender address"),
        required("subject", "Subject", "message", STRING, "optional"),
        optional("textBody", "Text body", "message", TEXT, "optional"),
        optional("htmlBody", "HTML body", "message", TEXT, "optional")
            .describedAs("Text body, HTML body or both; with both, mail clients show the HTML"),
        optional("attachments", "Attachments", "message", STRING, "required")
            .describedAs("FEEL list of Camunda documents or {fileName, contentType, base64}; 10 MiB in all"));

    static final List<TemplateInput> SMS = List.of(
        required("to", "To (E.164 phone number)", "message", STRING, "optional"),
        required("message", "Message", "message", TEXT, "optional").describedAs("At most 1600 characters"),
        optional("from", "From (E.164 phone number)", "message", STRING, "optional")
            .describedAs("Defaults to the integration's sender number"));

    static final List<TemplateInput> AI = List.of(
        optional("model", "Model", "prompt", STRING, "optional")
            .describedAs("The provider's model id, e.g. gpt-4.1, claude-sonnet-4-5, gemini-2.5-flash, llama3.2;"
                + " defaults to the connection's default model"),
        optional("systemPrompt", "System prompt", "prompt", TEXT, "optional"),
        required("userPrompt", "User prompt", "prompt", TEXT, "optional")
            .describedAs("FEEL to include process data, e.g. =\"Classify: \" + ticket.text"),
        optional("temperature", "Temperature", "prompt", STRING, "optional").describedAs("0 to 2; empty for the model's default"),
        optional("maxTokens", "Max tokens", "prompt", NUMBER, null).describedAs("Limit of the answer's tokens"),
        optional("outputSchema", "Output JSON schema", "prompt", TEXT, "optional")
            .describedAs("JSON schema the answer must match; the result's 'structured' holds it parsed. Empty for free text"),
        connectionDropdown("mcpConnection", "MCP tools", "tools", IntegrationType.MCP)
            .describedAs("An MCP connection whose tools the model may call, or None"),
        optional("maxToolIterations", "Max tool rounds", "tools", NUMBER, null).withDefault(5)
            .describedAs("1 to 20 rounds of tool calls; more is an incident"));

    static final List<TemplateInput> MCP = List.of(
        dropdown("operation", "Operation", "tool", List.of("listTools", "callTool"), "callTool")
            .describedAs("listTools returns {server, tools}; callTool returns {content, text, structuredContent, isError}"),
        required("toolName", "Tool name", "tool", STRING, "optional").shownWhen("operation", "callTool")
            .describedAs("As listTools names it; a name the server does not have is an incident listing the ones it has"),
        optional("arguments", "Arguments", "tool", STRING, "optional").shownWhen("operation", "callTool")
            .describedAs("A FEEL context, e.g. ={city: customer.city}, or a JSON object as text"),
        optional("connectTimeoutInSeconds", "Connect timeout (s)", "timeout", NUMBER, null).withDefault(20)
            .describedAs("1 to 120: connecting and the handshake, a STDIO server's start included"),
        optional("requestTimeoutInSeconds", "Request timeout (s)", "timeout", NUMBER, null).withDefault(60)
            .describedAs("1 to 240: the tool call"));

    static final List<TemplateInput> STORAGE = List.of(
        dropdown("operation", "Operation", "file", List.of("list", "upload", "download", "delete"), "list"),
        optional("path", "Path", "file", STRING, "optional")
            .describedAs("S3: object key (list: key prefix). OneDrive: path below the root folder. Google Drive, Box:"
                + " file id (download, delete), folder id (list), [folderId/]file name (upload). Empty lists the root"),
        optional("document", "Document", "content", STRING, "required").shownWhen("operation", "upload")
            .describedAs("The Camunda document to upload, e.g. =invoice (streamed; see the worker's file size limit)"),
        optional("content", "Text content", "content", TEXT, "optional").shownWhen("operation", "upload")
            .describedAs("Instead of a document: a text to store as UTF-8 (at most the variable size limit)"),
        optional("contentType", "Content type", "content", STRING, "optional").shownWhen("operation", "upload")
            .describedAs("Defaults to the document's, else guessed from the file name"),
        dropdown("downloadAs", "Download as", "content", List.of("document", "text"), "document")
            .shownWhen("operation", "download"),
        optional("maxResults", "Max results", "file", NUMBER, null).withDefault(100).shownWhen("operation", "list")
            .describedAs("1 to 1000; more entries set truncated = true"));

    private Inputs() {}
  }
}
