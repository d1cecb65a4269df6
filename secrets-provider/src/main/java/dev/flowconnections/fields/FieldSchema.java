package dev.flowconnections.fields;

import java.util.List;
import java.util.Optional;

/**
 * The fields of one integration: {@code integrationFields} are set by admins on the integration
 * (per environment or shared), {@code connectionFields} by users on each connection environment.
 */
public record FieldSchema(
    List<FieldDefinition> integrationFields, List<FieldDefinition> connectionFields) {

  public FieldSchema {
    integrationFields = List.copyOf(integrationFields);
    connectionFields = List.copyOf(connectionFields);
  }

  public Optional<FieldDefinition> connectionField(String name) {
    return connectionFields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public Optional<FieldDefinition> integrationField(String name) {
    return integrationFields.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
