package dev.flowconnections.fields;

import static dev.flowconnections.fields.FieldDefinition.choice;
import static dev.flowconnections.fields.FieldDefinition.optional;

import dev.flowconnections.integration.AuthScheme;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Database: the vendor on the integration; where the database is either as a JDBC URL on the
 * integration, or as host, port and database per connection environment (so one integration, such
 * as a catalogue entry, serves every server of its vendor); the database user per connection
 * environment. The SQL worker builds the URL from the parts when the integration has none.
 */
final class DatabaseFields implements TypeFields {

  @Override
  public List<FieldDefinition> integrationFields() {
    return List.of(
        choice(
            "vendor",
            "Database",
            true,
            List.of("POSTGRESQL", "MYSQL", "MARIADB", "SQLSERVER", "ORACLE", "SQLITE"),
            null),
        optional(
            "jdbcUrl",
            "JDBC URL",
            FieldType.TEXT,
            "e.g. jdbc:postgresql://host:5432/db; leave empty to let each connection name host, port"
                + " and database"));
  }

  @Override
  public List<FieldDefinition> connectionFields() {
    return List.of(
        optional(
            "host",
            "Host",
            FieldType.TEXT,
            "When the integration has no JDBC URL: the server's host name or IP address"),
        optional("port", "Port", FieldType.NUMBER, "Default: the vendor's usual port"),
        optional(
            "database",
            "Database",
            FieldType.TEXT,
            "Database name (Oracle: service name; SQLite: file path on the runtime's host)"),
        optional(FieldCatalog.USERNAME, "Username", FieldType.TEXT, null),
        optional(FieldCatalog.PASSWORD, "Password", FieldType.SECRET, null));
  }

  @Override
  public Set<AuthScheme> authSchemes() {
    return EnumSet.of(AuthScheme.NONE);
  }
}
