package dev.flowconnections.fields;

import static dev.flowconnections.fields.FieldDefinition.choice;
import static dev.flowconnections.fields.FieldDefinition.optional;
import static dev.flowconnections.fields.FieldDefinition.required;

import dev.flowconnections.integration.AuthScheme;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Database: vendor and JDBC URL on the integration, the database user per connection environment.
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
        required("jdbcUrl", "JDBC URL", FieldType.TEXT, "e.g. jdbc:postgresql://host:5432/db"));
  }

  @Override
  public List<FieldDefinition> connectionFields() {
    return List.of(
        optional(FieldCatalog.USERNAME, "Username", FieldType.TEXT, null),
        optional(FieldCatalog.PASSWORD, "Password", FieldType.SECRET, null));
  }

  @Override
  public Set<AuthScheme> authSchemes() {
    return EnumSet.of(AuthScheme.NONE);
  }
}
