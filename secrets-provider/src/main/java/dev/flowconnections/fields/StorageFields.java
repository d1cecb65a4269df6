package dev.flowconnections.fields;

import static dev.flowconnections.fields.FieldDefinition.choice;
import static dev.flowconnections.fields.FieldDefinition.optional;

import dev.flowconnections.integration.AuthScheme;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Storage: S3 with access keys, or Google Drive, OneDrive and Box with an OAuth2 bearer. */
final class StorageFields implements TypeFields {

  @Override
  public List<FieldDefinition> integrationFields() {
    return List.of(
        choice(
            "provider",
            "Provider",
            true,
            List.of("GOOGLE_DRIVE", "ONEDRIVE", "AMAZON_S3", "BOX"),
            "AMAZON_S3"),
        optional(
            FieldCatalog.BASE_URL,
            "Endpoint",
            FieldType.URL,
            "Override of the provider's API: an S3-compatible endpoint (MinIO, Ceph, ...), or a proxy for"
                + " Google Drive, OneDrive or Box"),
        optional("region", "AWS region", FieldType.TEXT, null)
            .requiredWhen("provider", "AMAZON_S3"),
        optional(
                "bucket",
                "Bucket or root folder",
                FieldType.TEXT,
                "S3: the bucket (required); OneDrive: a folder path; Google Drive and Box: a folder id")
            .requiredWhen("provider", "AMAZON_S3"),
        optional(
            "pathStyleAccess",
            "S3 path-style access",
            FieldType.BOOLEAN,
            "Address the bucket in the path (endpoint/bucket/key), as most S3-compatible stores need"));
  }

  @Override
  public List<FieldDefinition> connectionFields() {
    return List.of(
        optional("accessKeyId", "AWS access key id", FieldType.TEXT, null)
            .requiredWhen("provider", "AMAZON_S3"),
        optional("secretAccessKey", "AWS secret access key", FieldType.SECRET, null)
            .requiredWhen("provider", "AMAZON_S3"));
  }

  @Override
  public Set<AuthScheme> authSchemes() {
    return EnumSet.of(AuthScheme.NONE, AuthScheme.OAUTH2, AuthScheme.BEARER);
  }
}
