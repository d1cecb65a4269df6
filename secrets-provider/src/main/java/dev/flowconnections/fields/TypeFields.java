package dev.flowconnections.fields;

import dev.flowconnections.integration.AuthScheme;
import java.util.List;
import java.util.Set;

/**
 * The fields one integration type adds on top of its auth scheme: non-secret settings of the
 * integration, credentials every connection environment supplies, and which auth schemes make sense
 * for the type at all (a database authenticates with its own user, not an HTTP scheme).
 */
interface TypeFields {

  List<FieldDefinition> integrationFields();

  default List<FieldDefinition> connectionFields() {
    return List.of();
  }

  Set<AuthScheme> authSchemes();
}
