package dev.flowconnections.schema;

/** {@code flow-connections.schema.mode}: who owns the database schema. */
public enum SchemaMode {
  /** This process migrates the schema with Flyway at start (the Flow Connections runtime). */
  MIGRATE,
  /**
   * This process only reads the store (another connector runtime with our SecretProvider): it never
   * changes the schema and refuses to start unless the schema is exactly at its migrations'
   * version.
   */
  VALIDATE
}
