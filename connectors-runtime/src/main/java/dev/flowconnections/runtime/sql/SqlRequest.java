package dev.flowconnections.runtime.sql;

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
 */
public record SqlRequest(
    @NotBlank String connection,
    String statement,
    Map<String, Object> parameters,
    @Valid @Size(max = 100) List<SqlStatement> statements,
    Boolean transaction,
    @Min(1) @Max(10_000) Integer maxRows,
    @Min(1) @Max(240) Integer queryTimeoutInSeconds) {

  public static final int DEFAULT_MAX_ROWS = 1000;
  public static final int DEFAULT_QUERY_TIMEOUT = 30;

  public SqlRequest {
    parameters = parameters == null ? Map.of() : parameters;
    maxRows = maxRows == null ? DEFAULT_MAX_ROWS : maxRows;
    queryTimeoutInSeconds = queryTimeoutInSeconds == null ? DEFAULT_QUERY_TIMEOUT : queryTimeoutInSeconds;
    transaction = transaction != null && transaction;
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
    return statements != null && !statements.isEmpty() ? statements : List.of(new SqlStatement(statement, parameters));
  }

  public boolean isBatch() {
    return statements != null && !statements.isEmpty();
  }
}
