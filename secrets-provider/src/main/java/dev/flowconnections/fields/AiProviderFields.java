package dev.flowconnections.fields;

import static dev.flowconnections.fields.FieldDefinition.choice;
import static dev.flowconnections.fields.FieldDefinition.optional;

import dev.flowconnections.integration.AuthScheme;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * AI Provider: which provider, an optional endpoint (required for Ollama) and a default model. The
 * key (API key or Bearer scheme) goes into the header the provider documents, whatever header name
 * the API key scheme names; custom headers are sent as they are, e.g. for a gateway.
 */
final class AiProviderFields implements TypeFields {

  @Override
  public List<FieldDefinition> integrationFields() {
    return List.of(
        choice(
            "provider",
            "Provider",
            true,
            List.of("OPENAI", "ANTHROPIC", "GOOGLE", "OLLAMA", "HUGGINGFACE"),
            "OPENAI"),
        optional(
                FieldCatalog.BASE_URL,
                "API base URL",
                FieldType.URL,
                "Override for the provider's API, e.g. a gateway; required for Ollama (http://host:11434)")
            .requiredWhen("provider", "OLLAMA"),
        optional("defaultModel", "Default model", FieldType.TEXT, null));
  }

  @Override
  public Set<AuthScheme> authSchemes() {
    return EnumSet.of(
        AuthScheme.NONE, AuthScheme.API_KEY, AuthScheme.BEARER, AuthScheme.CUSTOM_HEADERS);
  }
}
