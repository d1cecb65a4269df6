package dev.flowconnections.runtime.integration;

import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The integration types with their auth schemes and field schemas, for the New Integration form: it
 * needs the fields of a type and auth scheme before any integration exists. Read from the same
 * {@link FieldCatalog} that validation uses, so the form never offers what the API would refuse.
 */
@RestController
@RequestMapping("/api/integration-types")
class IntegrationTypeController {

  @GetMapping
  List<TypeResponse> types() {
    return Arrays.stream(IntegrationType.values()).map(TypeResponse::of).toList();
  }

  @GetMapping("/{type}/fields")
  FieldSchemaResponse fields(
      @PathVariable IntegrationType type, @RequestParam(required = false) AuthScheme authScheme) {
    if (authScheme == null) {
      throw new ValidationException("authScheme", "is required; use one of " + sorted(type));
    }
    if (!FieldCatalog.authSchemesFor(type).contains(authScheme)) {
      throw new ValidationException(
          "authScheme", "is not available for " + type.label() + "; use one of " + sorted(type));
    }
    return FieldSchemaResponse.of(FieldCatalog.schemaFor(type, authScheme));
  }

  private static List<AuthScheme> sorted(IntegrationType type) {
    return FieldCatalog.authSchemesFor(type).stream().sorted().toList();
  }

  record TypeResponse(IntegrationType type, String label, List<AuthScheme> authSchemes) {
    static TypeResponse of(IntegrationType type) {
      return new TypeResponse(type, type.label(), sorted(type));
    }
  }
}
