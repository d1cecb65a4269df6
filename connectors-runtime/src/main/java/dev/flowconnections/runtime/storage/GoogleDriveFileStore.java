package dev.flowconnections.runtime.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.error.ConnectorInputException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files in Google Drive through the Drive API v3. Drive addresses files by id: {@code path} is a
 * file id (download, delete), a folder id (list; the integration's root folder or "root" when
 * empty), or {@code [folderId/]name} (upload). Uploads of up to {@value #MULTIPART_LIMIT} bytes are
 * one multipart request, larger ones a resumable session sent in one streamed PUT.
 */
final class GoogleDriveFileStore extends BearerApiFileStore {

  static final String DEFAULT_BASE_URL = "https://www.googleapis.com";
  static final long MULTIPART_LIMIT = 5L * 1024 * 1024;
  static final String FOLDER_TYPE = "application/vnd.google-apps.folder";
  static final int MAX_DEPTH = 32;

  private final String base;

  GoogleDriveFileStore(BearerApi api) {
    super(api);
    this.base = api.baseUrl(DEFAULT_BASE_URL);
  }

  @Override
  public Listing list(String path, int maxResults) {
    String folder =
        DriveIds.id(path.isEmpty() ? api.rootFolder("root") : path, "path", api.connection());
    String query = "'" + folder + "' in parents and trashed = false";
    JsonNode answer =
        api.json(
            api.request(
                    base
                        + "/drive/v3/files?q="
                        + BearerApi.encode(query)
                        + "&pageSize="
                        + maxResults
                        + "&fields="
                        + BearerApi.encode(
                            "nextPageToken,files(id,name,mimeType,size,modifiedTime)"))
                .GET()
                .build(),
            "listing folder '" + folder + "'");
    List<StorageItem> items = new ArrayList<>();
    for (JsonNode file : answer.path("files")) {
      boolean isFolder = FOLDER_TYPE.equals(file.path("mimeType").asText());
      items.add(
          new StorageItem(
              file.path("name").asText(),
              file.path("id").asText(),
              isFolder,
              file.hasNonNull("size") ? file.path("size").asLong() : null,
              text(file, "modifiedTime")));
    }
    return new Listing(items, answer.hasNonNull("nextPageToken"));
  }

  @Override
  public String upload(String path, Upload upload) {
    int slash = path.lastIndexOf('/');
    String folder =
        DriveIds.id(
            slash < 0 ? api.rootFolder("root") : path.substring(0, slash),
            "path",
            api.connection());
    String name = DriveIds.fileName(path.substring(slash + 1));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("parents", List.of(folder));
    String what = "uploading '" + name + "'";
    JsonNode created;
    if (upload.length() >= 0 && upload.length() <= MULTIPART_LIMIT) {
      StreamingBodies.Multipart body =
          StreamingBodies.Multipart.of(
              "related",
              "Content-Type: application/json; charset=UTF-8",
              BearerApi.toJson(metadata),
              "Content-Type: " + upload.contentType(),
              upload);
      created =
          api.json(
              api.request(base + "/upload/drive/v3/files?uploadType=multipart&fields=id,name,size")
                  .header("Content-Type", body.contentType())
                  .POST(body.body())
                  .build(),
              what);
    } else {
      created = resumable(metadata, upload, what);
    }
    return created.path("id").asText();
  }

  private JsonNode resumable(Map<String, Object> metadata, Upload upload, String what) {
    HttpRequest start =
        api.request(base + "/upload/drive/v3/files?uploadType=resumable&fields=id,name,size")
            .header("Content-Type", "application/json; charset=UTF-8")
            .header("X-Upload-Content-Type", upload.contentType())
            .header("X-Upload-Content-Length", String.valueOf(upload.length()))
            .POST(BodyPublishers.ofString(BearerApi.toJson(metadata)))
            .build();
    HttpResponse<InputStream> session = api.content(start, what);
    String location =
        session
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new ConnectorInputException(
                        describe() + " started no upload session for " + what));
    closeQuietly(session.body());
    return api.json(
        api.requestToSession(location, base)
            .header("Content-Type", upload.contentType())
            .PUT(StreamingBodies.of(upload.content(), upload.length()))
            .build(),
        what);
  }

  @Override
  public Download download(String path) {
    String id = DriveIds.id(path, "path", api.connection());
    JsonNode file =
        api.json(
            api.request(base + "/drive/v3/files/" + id + "?fields=id,name,mimeType,size")
                .GET()
                .build(),
            "reading file '" + id + "'");
    HttpResponse<InputStream> content =
        api.content(
            api.request(base + "/drive/v3/files/" + id + "?alt=media").GET().build(),
            "downloading file '" + id + "'");
    long length = content.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new Download(
        content.body(), length, file.path("name").asText(id), text(file, "mimeType"));
  }

  @Override
  public void delete(String path) {
    String id = DriveIds.id(path, "path", api.connection());
    api.json(
        api.request(base + "/drive/v3/files/" + id).DELETE().build(), "deleting file '" + id + "'");
  }

  /**
   * Walks up the parents (one call per level, at most {@value #MAX_DEPTH}); "root" is My Drive's
   * alias, resolved to its id first. Drive gives a file one parent since 2020; of an older file
   * with several, all are compared and the first is followed, so such a file may be refused.
   */
  @Override
  public boolean isInside(String id, String folderId, boolean folder) {
    String target = folderId;
    if ("root".equals(folderId)) {
      target =
          api.json(
                  api.request(base + "/drive/v3/files/root?fields=id").GET().build(),
                  "reading the root folder")
              .path("id")
              .asText();
    }
    String current = id;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      JsonNode parents =
          api.json(
                  api.request(base + "/drive/v3/files/" + current + "?fields=parents")
                      .GET()
                      .build(),
                  "reading the parents of '" + current + "'")
              .path("parents");
      String next = null;
      for (JsonNode parent : parents) {
        if (parent.asText().equals(target)) {
          return true;
        }
        next = next == null ? parent.asText() : next;
      }
      if (!DriveIds.isId(next)) {
        return false;
      }
      current = next;
    }
    return false;
  }

  @Override
  public String verify() {
    JsonNode about =
        api.json(
            api.request(base + "/drive/v3/about?fields=" + BearerApi.encode("user(displayName)"))
                .GET()
                .build(),
            "reading about");
    return describe()
        + " accepted the token (user "
        + about.path("user").path("displayName").asText("unknown")
        + ")";
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.path(field).asText() : null;
  }

  static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (java.io.IOException e) {
      // nothing left to read
    }
  }
}
