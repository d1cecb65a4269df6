package dev.flowconnections.runtime.sql;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.worker.WorkerFunction;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
import dev.flowconnections.templates.node.ToolInput;
import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.connector.api.annotation.OutboundConnector;

/**
 * The SQL task of Flow Connections: runs parameterised SQL against a Database connection, whose
 * JDBC URL and user come from the connection for the environment this runtime serves.
 *
 * <p>Result: a {@link SqlResult} ({@code rows}/{@code rowCount}/{@code truncated} for a query,
 * {@code updateCount} otherwise), or {@link SqlResult.Batch} for {@code statements}.
 */
@OutboundConnector(
    name = "Flow Connections SQL",
    inputVariables = {
      "connection",
      "statement",
      "parameters",
      "statements",
      "transaction",
      "maxRows",
      "queryTimeoutInSeconds",
      "modelWrittenSql",
      "toolCall"
    },
    type = SqlFunction.TYPE)
@WorkerDescriptor(
    request = SqlRequest.class,
    connectionType = IntegrationType.DATABASE,
    groups = {
      @TemplateGroup(id = "query", label = "Query"),
      @TemplateGroup(id = "batch", label = "Batch")
    },
    nodes = {
      @NodeTemplate(
          id = "sql",
          label = "SQL",
          description = "Run parameterised SQL against a Database connection"),
      @NodeTemplate(
          id = "sql-tool",
          label = "SQL Tool",
          description =
              "Parameterised SQL offered to an AI Agent as a tool: place it inside the agent's"
                  + " ad-hoc sub-process; the model supplies parameter values, not SQL",
          toolDescription =
              "Runs a prepared SQL statement against a database with the values you pass as"
                  + " parameters. Returns rows (or an update count), or an error.",
          toolInputs = {
            @ToolInput(
                input = "parameters",
                value =
                    "={customerId: fromAi(toolCall.customerId, \"The customer's id\", \"string\")}")
          })
    })
public class SqlFunction extends WorkerFunction<SqlRequest> {

  public static final String TYPE = "io.flowconnections:sql:1";

  public SqlFunction(SqlService sqlService) {
    super((request, context) -> sqlService.run(request, context.getJobContext()));
  }
}
