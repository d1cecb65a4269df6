package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.ACCESS_KEY_ID;
import static dev.flowconnections.runtime.storage.StorageTestFixture.BUCKET;
import static dev.flowconnections.runtime.storage.StorageTestFixture.SECRET_ACCESS_KEY;
import static dev.flowconnections.runtime.storage.StorageTestFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flowconnections.runtime.testsupport.FakeS3Server;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Credentials of Storage connections never reach results, incidents or logs. */
@Tag("fast")
class StorageSecretsTest {

  @Test
  void aTokenThatAProviderEchoesIntoAnErrorIsMaskedInTheIncident() {
    try (RecordingHttpServer drive = RecordingHttpServer.start()) {
      drive.respond(
          Reply.json(
              400,
              "{\"error\":{\"message\":\"bad request with Authorization: Bearer "
                  + TOKEN
                  + "\"}}"));
      StorageTestFixture fixture =
          new StorageTestFixture()
              .bearer(StorageProvider.GOOGLE_DRIVE, drive.baseUrl(), TOKEN, Map.of());

      assertThatThrownBy(() -> fixture.run(Map.of("operation", "list")))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("400"))
          .hasMessage(
              "Google Drive refused listing folder 'root' (HTTP 400: bad request with Authorization: Bearer ****)");
    }
  }

  @Test
  void aFileThatContainsTheTokenIsMaskedBeforeItBecomesAProcessVariable() {
    // e.g. a config export that holds the very token the connection uses
    try (RecordingHttpServer box = RecordingHttpServer.start()) {
      box.respond(
          request ->
              request.rawPath().endsWith("/content")
                  ? new Reply(200, Map.of("Content-Type", "text/plain"), "token=" + TOKEN)
                  : Reply.json(200, "{\"id\":\"1\",\"name\":\"settings.txt\"}"));
      StorageTestFixture fixture =
          new StorageTestFixture().bearer(StorageProvider.BOX, box.baseUrl(), TOKEN, Map.of());

      StorageResult result =
          fixture.run(Map.of("operation", "download", "path", "1", "downloadAs", "text"));

      assertThat(result.content()).isEqualTo("token=****");
    }
  }

  @Test
  void s3ResultsLogsAndRequestsCarryNoSecretKey() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    Level level = root.getLevel();
    root.setLevel(Level.DEBUG);
    try (FakeS3Server s3 =
        FakeS3Server.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY).createBucket(BUCKET)) {
      StorageTestFixture fixture = new StorageTestFixture().s3(s3.endpoint(), SECRET_ACCESS_KEY);
      StorageResult uploaded =
          fixture.run(Map.of("operation", "upload", "path", "a.txt", "content", "abc"));
      StorageResult listed = fixture.run(Map.of("operation", "list"));
      StorageResult downloaded =
          fixture.run(Map.of("operation", "download", "path", "a.txt", "downloadAs", "text"));

      String results =
          ConnectorsObjectMapperSupplier.getCopy()
              .writeValueAsString(
                  new Object[] {
                    uploaded, listed, downloaded, fixture.resolver.current().toString()
                  });
      assertThat(results).doesNotContain(SECRET_ACCESS_KEY);
      assertThat(s3.everythingReceived()).doesNotContain(SECRET_ACCESS_KEY);
      List<ILoggingEvent> logged;
      synchronized (
          logs) { // the SDK's and the server's threads log on while the root logger is at DEBUG
        logged = List.copyOf(logs.list);
      }
      assertThat(logged)
          .extracting(ILoggingEvent::getFormattedMessage)
          .isNotEmpty()
          .allSatisfy(line -> assertThat(line).doesNotContain(SECRET_ACCESS_KEY));
    } finally {
      root.detachAppender(logs);
      root.setLevel(level);
    }
  }
}
