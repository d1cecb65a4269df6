package dev.flowconnections.fields;

import static dev.flowconnections.fields.FieldDefinition.choice;
import static dev.flowconnections.fields.FieldDefinition.optional;

import dev.flowconnections.integration.AuthScheme;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** AI Provider: which provider, an optional endpoint (required for Ollama) and a default model. */
final class AiProviderFields implements TypeFields {

  @Override
  public List<FieldDefinition> integrationFields() {
    return List.of(
        choice("provider", "Provider", true, List.of("OPENAI", "ANTHROPIC", "GOOGLE", "OLLAMA", "HUGGINGFACE"), "OPENAI"),
        optional(FieldCatalog.BASE_URL, "API base URL", FieldType.URL, "Required for Ollama").requiredWhen("provider", "OLLAMA"),
        optional("defaultModel", "Default model", FieldType.TEXT, null));
  }

  @Override
  public Set<AuthScheme> authSchemes() {
    return EnumSet.of(AuthScheme.NONE, AuthScheme.API_KEY, AuthScheme.BEARER, AuthScheme.CUSTOM_HEADERS);
  }
}
