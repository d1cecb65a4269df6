package dev.flowconnections.runtime.sql;

import dev.flowconnections.templates.node.EngineVariable;
import dev.flowconnections.templates.node.TemplateProperty;
import dev.flowconnections.templates.node.TemplateProperty.Feel;
import dev.flowconnections.templates.node.TemplateProperty.Type;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The input of a SQL task: one {@code statement} with named parameters ({@code :id}) bound from
 * {@code parameters}, or a list of {@code statements}, optionally in one transaction. Values are
 * always bound, never concatenated into the SQL.
 *
 * @param modelWrittenSql as an AI agent's tool: whether SQL text the model wrote may run ({@link
 *     ModelSql})
 * @param toolCall as an AI agent's tool: the model's arguments, as the agent passes them; what
 *     tells SQL the model wrote from the modeller's
 */
public record SqlRequest(
    @NotBlank String connection,
    @TemplateProperty(
            label = "SQL statement",
            group = "query",
            type = Type.TEXT,
            description =
                "Named parameters as :name; values come from Parameters, never from string concatenation."
                    + " Leave empty when Statements holds a batch")
        String statement,
    @TemplateProperty(
            label = "Parameters",
            group = "query",
            description = "FEEL context, e.g. ={id: orderId}")
        Map<String, Object> parameters,
    @TemplateProperty(
            label = "Statements (batch)",
            group = "batch",
            feel = Feel.REQUIRED,
            description =
                "Instead of SQL statement: a FEEL list of {statement, parameters}, run in order")
        @Valid
        @Size(max = 100)
        List<SqlStatement> statements,
    @TemplateProperty(
            label = "All or nothing",
            group = "batch",
            defaultValue = "false",
            description =
                "Run the batch in one transaction: if one statement fails, none takes effect")
        Boolean transaction,
    @TemplateProperty(
            label = "Row limit",
            group = "query",
            defaultValue = "" + DEFAULT_MAX_ROWS,
            description =
                "{min} to {max}; a query with more rows returns the first ones and truncated = true")
        @Min(1)
        @Max(MAX_ROWS)
        Integer maxRows,
    @TemplateProperty(
            label = "Query timeout (s)",
            group = "query",
            defaultValue = "" + DEFAULT_QUERY_TIMEOUT,
            description = "{min} to {max}")
        @Min(1)
        @Max(MAX_QUERY_TIMEOUT)
        Integer queryTimeoutInSeconds,
    @TemplateProperty(
            label = "Model-written SQL",
            group = "query",
            defaultValue = "NOT_ALLOWED",
            description =
                "As an AI agent's tool: whether SQL text from the model may run. NOT_ALLOWED: only"
                    + " parameter values come from the model. READ_ONLY: one query, in a read-only"
                    + " transaction. READ_WRITE: any SQL the connection's user may run")
        ModelWrittenSql modelWrittenSql,
    @EngineVariable Map<String, Object> toolCall) {

  public static final int DEFAULT_MAX_ROWS = 1000;

  /** Rows become process variables; more than this belongs in a file, not in the engine's state. */
  public static final int MAX_ROWS = 10_000;

  public static final int DEFAULT_QUERY_TIMEOUT = 30;

  /**
   * Below the job workers' default job timeout (5 minutes), so a slow statement never runs twice.
   */
  public static final int MAX_QUERY_TIMEOUT = 240;

  public SqlRequest {
    parameters = parameters == null ? Map.of() : parameters;
    maxRows = maxRows == null ? DEFAULT_MAX_ROWS : maxRows;
    queryTimeoutInSeconds =
        queryTimeoutInSeconds == null ? DEFAULT_QUERY_TIMEOUT : queryTimeoutInSeconds;
    transaction = transaction != null && transaction;
    modelWrittenSql = modelWrittenSql == null ? ModelWrittenSql.NOT_ALLOWED : modelWrittenSql;
    toolCall = toolCall == null ? Map.of() : toolCall;
  }

  /** One statement of a batch. */
  public record SqlStatement(@NotBlank String statement, Map<String, Object> parameters) {
    public SqlStatement {
      parameters = parameters == null ? Map.of() : parameters;
    }
  }

  @AssertTrue(message = "give either statement or statements, not both and not neither")
  public boolean isOneKindOfStatement() {
    boolean single = statement != null && !statement.isBlank();
    boolean batch = statements != null && !statements.isEmpty();
    return single ^ batch;
  }

  /** The statements to run, in order: the single one or the batch. */
  public List<SqlStatement> toRun() {
    return statements != null && !statements.isEmpty()
        ? statements
        : List.of(new SqlStatement(statement, parameters));
  }

  public boolean isBatch() {
    return statements != null && !statements.isEmpty();
  }
}
