package dev.flowconnections.runtime.sql;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;

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
      "connection", "statement", "parameters", "statements", "transaction", "maxRows", "queryTimeoutInSeconds"
    },
    type = SqlFunction.TYPE)
public class SqlFunction implements OutboundConnectorFunction {

  public static final String TYPE = "io.flowconnections:sql:1";

  private final SqlService sqlService;

  public SqlFunction(SqlService sqlService) {
    this.sqlService = sqlService;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    SqlRequest request = context.bindVariables(SqlRequest.class);
    return sqlService.run(request, context.getJobContext());
  }
}
