package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bad File Manager tasks are incidents at once that name the input, before any provider is called.
 */
@Tag("fast")
class StorageInputValidationTest {

  // an unreachable address: any call would fail differently from the validation asserted here
  private final StorageTestFixture fixture =
      new StorageTestFixture()
          .bearer(StorageProvider.GOOGLE_DRIVE, "http://127.0.0.1:9", TOKEN, Map.of());

  @Test
  void anOperationIsRequiredAndMustBeKnown() {
    assertThatThrownBy(() -> fixture.run(Map.of("path", "x")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("operation");
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "move", "path", "x")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("move");
  }

  @Test
  void everyOperationButListNeedsAPath() {
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "download", "path", "  ")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("path: must not be blank for download (the file's key, path or id)");
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "delete")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("path: must not be blank for delete (the file's key, path or id)");
  }

  @Test
  void anUploadNeedsExactlyOneOfDocumentAndContent() {
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "upload", "path", "a.txt")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "document: an upload needs either a document or a text in 'content', not neither");
    Map<String, Object> document =
        WorkerTestContext.document(new byte[] {1}, "a.bin", "application/octet-stream");
    assertThatThrownBy(
            () ->
                fixture.run(
                    Map.of(
                        "operation",
                        "upload",
                        "path",
                        "a.txt",
                        "content",
                        "x",
                        "document",
                        document)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("document: an upload needs either a document or a text in 'content', not both");
  }

  @Test
  void maxResultsIsBetweenOneAndOneThousand() {
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "list", "maxResults", 0)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("maxResults");
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "list", "maxResults", 1001)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("maxResults");
  }

  @Test
  void aConnectionOfAnotherTypeIsRefused() {
    StorageTestFixture sql = new StorageTestFixture();
    sql.resolver.connection(StorageTestFixture.KEY, IntegrationType.DATABASE, Map.of(), Map.of());

    assertThatThrownBy(() -> sql.run(Map.of("operation", "list")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "connection 'team-files' is of type Database; the storage worker only serves Storage connections");
  }

  @Test
  void aBearerProviderWithoutTokenSchemeIsAConfigurationIncident() {
    StorageTestFixture none = new StorageTestFixture();
    none.resolver.connection(
        StorageTestFixture.KEY, IntegrationType.STORAGE, Map.of("provider", "BOX"), Map.of());

    assertThatThrownBy(() -> none.run(Map.of("operation", "list")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "connection 'team-files' has no access token for Box (auth scheme NONE); its integration needs"
                + " the BEARER or OAUTH2 scheme");
  }
}
