package dev.flowconnections.runtime.sql;

/**
 * Whether a SQL task that is an AI agent's tool may run SQL text the model wrote, and how. Only the
 * modeller decides, per task; the worker enforces it ({@link ModelSql}).
 */
public enum ModelWrittenSql {
  /** The statement is the modeller's; the model supplies parameter values only (the default). */
  NOT_ALLOWED,
  /**
   * The model may write one query: it runs in a read-only transaction, alone (no batch, no second
   * statement), and must be a query (SELECT, WITH, VALUES, TABLE, SHOW, EXPLAIN).
   */
  READ_ONLY,
  /** The model may write any SQL the connection's user may run. */
  READ_WRITE
}
