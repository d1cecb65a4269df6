package dev.flowconnections.runtime.storage;

import static dev.flowconnections.runtime.storage.StorageTestFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.camunda.connector.api.error.ConnectorInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A download whose size nobody announced (chunked transfer, no Content-Length) is counted while it
 * streams and cut off just past the limit: the worker reads a little more than the limit, not the
 * file, and the provider's stream is abandoned.
 */
@Tag("fast")
class StreamedDownloadLimitTest {

  private static final int FILE_BYTES = 64 * 1024 * 1024;
  private final AtomicLong sent = new AtomicLong();
  private final HttpServer drive = chunkedDrive();
  private final StorageTestFixture fixture =
      new StorageTestFixture()
          .bearer(
              StorageProvider.GOOGLE_DRIVE,
              "http://127.0.0.1:" + drive.getAddress().getPort(),
              TOKEN,
              Map.of())
          .limits(DataSize.ofKilobytes(64), DataSize.ofMegabytes(1));

  @AfterEach
  void stop() {
    drive.stop(0);
  }

  @Test
  void aDocumentDownloadWithoutAnnouncedSizeStopsJustPastTheFileLimit() {
    assertThatThrownBy(() -> fixture.run(Map.of("operation", "download", "path", "f1")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "the file 'f1' is larger than 1048576 bytes, above the storage worker's limit of 1048576 bytes"
                + " (1 MB) for files (flow-connections.storage.max-file-size)");
    assertThat(sent.get())
        .as("bytes the provider got to send of its 64 MB")
        .isLessThan(FILE_BYTES / 4);
  }

  @Test
  void aTextDownloadWithoutAnnouncedSizeStopsJustPastTheVariableLimit() {
    assertThatThrownBy(
            () -> fixture.run(Map.of("operation", "download", "path", "f1", "downloadAs", "text")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith(
            "the file 'f1' is larger than 65536 bytes, above the storage worker's limit of 65536"
                + " bytes (64 KB) for process variables");
    assertThat(sent.get()).isLessThan(FILE_BYTES / 4);
  }

  /**
   * Drive's metadata answer, then 64 MB of media in chunked encoding, counting what it managed to
   * send.
   */
  private HttpServer chunkedDrive() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              exchange.getRequestBody().readAllBytes();
              if (!String.valueOf(exchange.getRequestURI().getQuery()).contains("alt=media")) {
                byte[] json = "{\"id\":\"f1\",\"name\":\"f1\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
                return;
              }
              exchange.getResponseHeaders().add("Content-Type", "text/plain");
              exchange.sendResponseHeaders(200, 0); // chunked: no length announced
              byte[] block = "a".repeat(8192).getBytes(StandardCharsets.US_ASCII);
              try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < FILE_BYTES / block.length; i++) {
                  out.write(block);
                  sent.addAndGet(block.length);
                }
              } catch (IOException e) {
                // the worker stopped reading and closed the connection
              }
            }
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
