package dev.flowconnections.runtime.sql;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.outbound.JobContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the statements of a SQL task on the pool of its connection for the runtime's environment.
 */
public class SqlService {

  private static final String WORKER = "SQL worker";

  private final WorkerConnections connections;
  private final SqlDataSources dataSources;

  public SqlService(WorkerConnections connections, SqlDataSources dataSources) {
    this.connections = connections;
    this.dataSources = dataSources;
  }

  /**
   * @param job the job: its tenant names the organization of the connection; the audit log names
   *     its process instance
   * @return a {@link SqlResult}, or a {@link SqlResult.Batch} for {@code statements}
   */
  public Object run(SqlRequest request, JobContext job) {
    ResolvedConnection connection =
        connections.resolve(request.connection(), job, IntegrationType.DATABASE, WORKER);
    // before any session: SQL the model wrote runs only as the task allows
    boolean readOnly =
        ModelSql.checkAndReadOnly(request, job, WorkerConnections.maskerFor(connection));
    return run(request, job.getTenantId(), connection, readOnly);
  }

  private Object run(
      SqlRequest request, String tenantId, ResolvedConnection connection, boolean readOnly) {
    String organizationId = connections.runtime().organizationFor(tenantId);
    SecretMasker masker = WorkerConnections.maskerFor(connection);
    String readOnlyVendor = readOnly ? ReadOnlySql.vendorOf(connection) : null;
    DataSource dataSource = dataSourceOf(organizationId, connection, masker);
    NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
    try {
      if (readOnly) {
        // one statement (ModelSql refused batches), in a transaction the database keeps read-only
        return ReadOnlySql.run(
            dataSource,
            readOnlyVendor,
            session -> execute(session, request.toRun().get(0), request, 1, masker));
      }
      if (!request.isBatch()) {
        return execute(jdbc, request.toRun().get(0), request, 1, masker);
      }
      if (request.transaction()) {
        // all statements or none: the transaction rolls back when one of them fails
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource))
            .execute(status -> batch(jdbc, request, masker));
      }
      return batch(jdbc, request, masker);
    } catch (DataAccessResourceFailureException e) {
      // the pool could not lend a session: the server went away, or the password changed on it
      dataSources.evict(organizationId, connection);
      throw SqlFailures.cannotConnect(connection, e, masker);
    }
  }

  private DataSource dataSourceOf(
      String organizationId, ResolvedConnection connection, SecretMasker masker) {
    try {
      return dataSources.get(organizationId, connection);
    } catch (IllegalArgumentException e) {
      throw SqlFailures.configuration(connection, e);
    } catch (RuntimeException e) {
      throw SqlFailures.cannotConnect(connection, e, masker);
    }
  }

  private SqlResult.Batch batch(
      NamedParameterJdbcTemplate jdbc, SqlRequest request, SecretMasker masker) {
    List<SqlResult> results = new ArrayList<>();
    List<SqlRequest.SqlStatement> statements = request.toRun();
    for (int i = 0; i < statements.size(); i++) {
      results.add(execute(jdbc, statements.get(i), request, i + 1, masker));
    }
    return new SqlResult.Batch(results);
  }

  private SqlResult execute(
      NamedParameterJdbcTemplate jdbc,
      SqlRequest.SqlStatement statement,
      SqlRequest request,
      int index,
      SecretMasker masker) {
    try {
      return jdbc.execute(
          statement.statement(),
          new MapSqlParameterSource(statement.parameters()),
          (PreparedStatement ps) -> {
            ps.setQueryTimeout(request.queryTimeoutInSeconds());
            ps.setMaxRows(request.maxRows() + 1); // one more than allowed tells us it was truncated
            if (!ps.execute()) {
              return SqlResult.update(ps.getUpdateCount());
            }
            try (ResultSet rows = ps.getResultSet()) {
              return read(rows, request.maxRows(), masker);
            }
          });
    } catch (DataAccessResourceFailureException e) {
      throw e;
    } catch (DataAccessException e) {
      throw SqlFailures.statementFailed(index, e, masker);
    }
  }

  /**
   * Values are masked like a REST response body: a statement that selects a credential (a settings
   * table, a parameter echoed back) must not copy it into process variables.
   */
  private static SqlResult read(ResultSet resultSet, int maxRows, SecretMasker masker)
      throws SQLException {
    ResultSetMetaData meta = resultSet.getMetaData();
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean truncated = false;
    while (resultSet.next()) {
      if (rows.size() == maxRows) {
        truncated = true;
        break;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int column = 1; column <= meta.getColumnCount(); column++) {
        row.put(
            meta.getColumnLabel(column), masker.maskJson(SqlValues.read(resultSet, column, meta)));
      }
      rows.add(row);
    }
    return SqlResult.query(rows, truncated);
  }
}
