package dev.flowconnections.runtime.sql;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.worker.WorkerFunction;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
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
      "queryTimeoutInSeconds"
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
          description = "Run parameterised SQL against a Database connection")
    })
public class SqlFunction extends WorkerFunction<SqlRequest> {

  public static final String TYPE = "io.flowconnections:sql:1";

  public SqlFunction(SqlService sqlService) {
    super((request, context) -> sqlService.run(request, context.getJobContext()));
  }
}
