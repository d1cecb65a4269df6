package dev.flowconnections.fields;

import static dev.flowconnections.fields.FieldDefinition.choice;
import static dev.flowconnections.fields.FieldDefinition.optional;

import dev.flowconnections.integration.AuthScheme;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Email: SMTP server or SendGrid; SMTP login or SendGrid API key per connection environment. */
final class EmailFields implements TypeFields {

  @Override
  public List<FieldDefinition> integrationFields() {
    return List.of(
        choice("provider", "Provider", true, List.of("SMTP", "SENDGRID"), "SMTP"),
        optional("host", "SMTP host", FieldType.TEXT, null).requiredWhen("provider", "SMTP"),
        optional("port", "SMTP port", FieldType.NUMBER, null),
        choice("tlsMode", "TLS", false, List.of("NONE", "STARTTLS", "TLS"), "STARTTLS"),
        optional("fromAddress", "Default sender", FieldType.TEXT, null),
        // Lets a SendGrid integration point at a regional endpoint, a proxy, or a test server.
        optional(
            FieldCatalog.BASE_URL,
            "SendGrid API base URL",
            FieldType.URL,
            "Override for SendGrid's endpoint; default https://api.sendgrid.com"));
  }

  @Override
  public List<FieldDefinition> connectionFields() {
    return List.of(
        optional(FieldCatalog.USERNAME, "SMTP username", FieldType.TEXT, null),
        optional(FieldCatalog.PASSWORD, "SMTP password", FieldType.SECRET, null),
        optional(FieldCatalog.API_KEY, "SendGrid API key", FieldType.SECRET, null)
            .requiredWhen("provider", "SENDGRID"));
  }

  @Override
  public Set<AuthScheme> authSchemes() {
    return EnumSet.of(AuthScheme.NONE);
  }
}
