package dev.flowconnections.runtime.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.error.ConnectorInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Files in the signed-in user's OneDrive through Microsoft Graph, addressed by path below the
 * integration's root folder ({@code bucket}). Uploads of up to {@value #SIMPLE_UPLOAD_LIMIT} bytes
 * are one PUT; larger ones go through an upload session in chunks of {@value #CHUNK_SIZE} bytes (a
 * multiple of 320 KiB, as Graph requires), the only part of a file held in memory at once.
 */
final class OneDriveFileStore extends BearerApiFileStore {

  static final String DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0";
  static final long SIMPLE_UPLOAD_LIMIT = 4L * 1024 * 1024;
  static final int CHUNK_SIZE = 32 * 320 * 1024;

  private final String base;
  private final String root;

  OneDriveFileStore(BearerApi api) {
    super(api);
    this.base = api.baseUrl(DEFAULT_BASE_URL);
    this.root = trimSlashes(api.rootFolder(""));
  }

  @Override
  public Listing list(String path, int maxResults) {
    String relative = relative(path);
    JsonNode answer =
        api.json(
            api.request(
                    item(relative)
                        + "/children?$top="
                        + maxResults
                        + "&$select=name,size,folder,file,lastModifiedDateTime")
                .GET()
                .build(),
            "listing '" + relative + "'");
    List<StorageItem> items = new ArrayList<>();
    for (JsonNode child : answer.path("value")) {
      String name = child.path("name").asText();
      boolean folder = child.has("folder");
      items.add(
          new StorageItem(
              name,
              relative.isEmpty() ? name : relative + "/" + name,
              folder,
              folder ? null : child.path("size").asLong(),
              child.path("lastModifiedDateTime").asText(null)));
    }
    return new Listing(items, answer.hasNonNull("@odata.nextLink"));
  }

  @Override
  public String upload(String path, Upload upload) {
    String relative = relative(path);
    String what = "uploading '" + relative + "'";
    if (upload.length() >= 0 && upload.length() <= SIMPLE_UPLOAD_LIMIT) {
      api.json(
          api.request(item(relative) + "/content")
              .header("Content-Type", upload.contentType())
              .PUT(StreamingBodies.of(upload.content(), upload.length()))
              .build(),
          what);
      return relative;
    }
    JsonNode session =
        api.json(
            api.request(item(relative) + "/createUploadSession")
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofString(
                        BearerApi.toJson(
                            Map.of(
                                "item", Map.of("@microsoft.graph.conflictBehavior", "replace")))))
                .build(),
            what);
    String uploadUrl = session.path("uploadUrl").asText(null);
    if (uploadUrl == null) {
      throw new ConnectorInputException(describe() + " opened no upload session for " + what);
    }
    sendChunks(uploadUrl, upload, what);
    return relative;
  }

  /** The session URL is pre-authenticated: Graph's documentation forbids the token on it. */
  private void sendChunks(String uploadUrl, Upload upload, String what) {
    byte[] chunk = new byte[CHUNK_SIZE];
    long offset = 0;
    try {
      while (offset < upload.length()) {
        int n =
            upload
                .content()
                .readNBytes(chunk, 0, (int) Math.min(CHUNK_SIZE, upload.length() - offset));
        if (n == 0) {
          throw new ConnectorInputException(
              "the content for '"
                  + what
                  + "' ended after "
                  + offset
                  + " of "
                  + upload.length()
                  + " bytes");
        }
        api.json(
            api.anonymousRequest(uploadUrl)
                .header(
                    "Content-Range",
                    "bytes " + offset + "-" + (offset + n - 1) + "/" + upload.length())
                .PUT(BodyPublishers.ofByteArray(chunk, 0, n))
                .build(),
            what);
        offset += n;
      }
    } catch (IOException e) {
      throw new ConnectorInputException(
          "the content for " + what + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public Download download(String path) {
    String relative = relative(path);
    HttpResponse<InputStream> content =
        api.content(
            api.request(item(relative) + "/content").GET().build(),
            "downloading '" + relative + "'");
    long length = content.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new Download(
        content.body(),
        length,
        relative.substring(relative.lastIndexOf('/') + 1),
        content.headers().firstValue("Content-Type").orElse(null));
  }

  @Override
  public void delete(String path) {
    String relative = relative(path);
    api.json(api.request(item(relative)).DELETE().build(), "deleting '" + relative + "'");
  }

  @Override
  public String verify() {
    JsonNode drive =
        api.json(
            api.request(base + "/me/drive?$select=id,driveType,owner").GET().build(),
            "reading the drive");
    return describe()
        + " accepted the token ("
        + drive.path("driveType").asText("drive")
        + " of "
        + drive.path("owner").path("user").path("displayName").asText("unknown")
        + ")";
  }

  /** Graph's path addressing: the root itself, or {@code root:/a/b:} below it. */
  private String item(String relative) {
    String full = root.isEmpty() ? relative : relative.isEmpty() ? root : root + "/" + relative;
    return full.isEmpty()
        ? base + "/me/drive/root"
        : base + "/me/drive/root:/" + BearerApi.encodePath(full) + ":";
  }

  /** A path below the root folder; ".." could leave it, so it is refused. */
  private String relative(String path) {
    String relative = trimSlashes(path);
    for (String segment : relative.split("/")) {
      if (segment.equals("..")
          || segment.equals(".")
          || (segment.isEmpty() && !relative.isEmpty())) {
        throw new ConnectorInputException(
            "path: '"
                + path
                + "' must be a plain path below the root folder"
                + " (no empty, '.' or '..' segments)");
      }
    }
    return relative;
  }

  private static String trimSlashes(String path) {
    return path.strip().replaceAll("^/+|/+$", "");
  }
}
