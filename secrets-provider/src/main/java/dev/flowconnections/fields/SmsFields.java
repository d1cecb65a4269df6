package dev.flowconnections.fields;

import static dev.flowconnections.fields.FieldDefinition.choice;
import static dev.flowconnections.fields.FieldDefinition.optional;

import dev.flowconnections.integration.AuthScheme;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** SMS: Twilio (account SID + auth token) or AWS SNS (access key, secret, region). */
final class SmsFields implements TypeFields {

  @Override
  public List<FieldDefinition> integrationFields() {
    return List.of(
        choice("provider", "Provider", true, List.of("TWILIO", "AWS_SNS"), "TWILIO"),
        optional(
            FieldCatalog.BASE_URL,
            "API base URL",
            FieldType.URL,
            "Override for the provider's endpoint"),
        optional("region", "AWS region", FieldType.TEXT, null).requiredWhen("provider", "AWS_SNS"),
        optional("fromNumber", "Sender number", FieldType.TEXT, "E.164, e.g. +15551234567"));
  }

  @Override
  public List<FieldDefinition> connectionFields() {
    return List.of(
        optional("accountSid", "Twilio account SID", FieldType.TEXT, null)
            .requiredWhen("provider", "TWILIO"),
        optional("authToken", "Twilio auth token", FieldType.SECRET, null)
            .requiredWhen("provider", "TWILIO"),
        optional("accessKeyId", "AWS access key id", FieldType.TEXT, null)
            .requiredWhen("provider", "AWS_SNS"),
        optional("secretAccessKey", "AWS secret access key", FieldType.SECRET, null)
            .requiredWhen("provider", "AWS_SNS"));
  }

  @Override
  public Set<AuthScheme> authSchemes() {
    return EnumSet.of(AuthScheme.NONE);
  }
}
