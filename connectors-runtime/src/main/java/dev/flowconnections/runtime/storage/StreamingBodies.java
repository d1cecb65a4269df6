package dev.flowconnections.runtime.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Request bodies that stream a file: as it is, or wrapped in a multipart envelope. */
final class StreamingBodies {

  private StreamingBodies() {}

  /**
   * The stream as the body, with a known length (the JDK client then sends Content-Length, not
   * chunks).
   */
  static BodyPublisher of(InputStream content, long length) {
    BodyPublisher publisher = BodyPublishers.ofInputStream(() -> content);
    return length >= 0 ? BodyPublishers.fromPublisher(publisher, length) : publisher;
  }

  /** A two-part multipart body: a text part (JSON metadata or form field) then the file. */
  record Multipart(String contentType, BodyPublisher body) {

    /**
     * @param subtype "related" (Google Drive) or "form-data" (Box)
     * @param firstPartHeaders headers of the metadata part, without the boundary line
     * @param filePartHeaders headers of the file part
     */
    static Multipart of(
        String subtype,
        String firstPartHeaders,
        String metadata,
        String filePartHeaders,
        FileStore.Upload upload) {
      String boundary = "flow-connections-" + UUID.randomUUID();
      byte[] head =
          ("--"
                  + boundary
                  + "\r\n"
                  + firstPartHeaders
                  + "\r\n\r\n"
                  + metadata
                  + "\r\n--"
                  + boundary
                  + "\r\n"
                  + filePartHeaders
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8);
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      InputStream body =
          new SequenceInputStream(
              Collections.enumeration(
                  List.of(
                      new ByteArrayInputStream(head),
                      upload.content(),
                      new ByteArrayInputStream(tail))));
      long length = upload.length() < 0 ? -1 : head.length + upload.length() + tail.length;
      return new Multipart(
          "multipart/" + subtype + "; boundary=" + boundary, StreamingBodies.of(body, length));
    }
  }

  /** A header value safe inside quotes: no quotes, backslashes or line breaks from a file name. */
  static String quoted(String value) {
    return "\"" + value.replaceAll("[\"\\\\\\r\\n]", "_") + "\"";
  }
}
