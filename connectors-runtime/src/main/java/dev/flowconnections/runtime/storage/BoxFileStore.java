package dev.flowconnections.runtime.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.resolution.ResolvedConnection;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files in Box through its Content API. Box addresses files by id like Google Drive: {@code path}
 * is a file id (download, delete), a folder id (list; the integration's root folder or "0", the
 * user's root, when empty), or {@code [folderId/]name} (upload). Uploads go to the upload host
 * (upload.box.com; with a base URL override, {@code <baseUrl>/api/2.0}) as one multipart request,
 * which Box accepts up to 50 MB.
 */
final class BoxFileStore extends BearerApiFileStore {

  static final String DEFAULT_API_URL = "https://api.box.com/2.0";
  static final String DEFAULT_UPLOAD_URL = "https://upload.box.com/api/2.0";

  private final String apiUrl;
  private final String uploadUrl;

  BoxFileStore(BearerApi api, ResolvedConnection connection) {
    super(api);
    boolean overridden =
        connection.text(FieldCatalog.BASE_URL).filter(s -> !s.isBlank()).isPresent();
    String base = api.baseUrl(DEFAULT_API_URL);
    this.apiUrl = overridden ? base + "/2.0" : DEFAULT_API_URL;
    this.uploadUrl = overridden ? base + "/api/2.0" : DEFAULT_UPLOAD_URL;
  }

  @Override
  public Listing list(String path, int maxResults) {
    String folder =
        DriveIds.id(path.isEmpty() ? api.rootFolder("0") : path, "path", api.connection());
    JsonNode answer =
        api.json(
            api.request(
                    apiUrl
                        + "/folders/"
                        + folder
                        + "/items?limit="
                        + maxResults
                        + "&fields=id,type,name,size,modified_at")
                .GET()
                .build(),
            "listing folder '" + folder + "'");
    List<StorageItem> items = new ArrayList<>();
    for (JsonNode entry : answer.path("entries")) {
      boolean isFolder = "folder".equals(entry.path("type").asText());
      items.add(
          new StorageItem(
              entry.path("name").asText(),
              entry.path("id").asText(),
              isFolder,
              isFolder || !entry.hasNonNull("size") ? null : entry.path("size").asLong(),
              entry.path("modified_at").asText(null)));
    }
    return new Listing(items, answer.path("total_count").asLong(items.size()) > items.size());
  }

  @Override
  public String upload(String path, Upload upload) {
    int slash = path.lastIndexOf('/');
    String folder =
        DriveIds.id(
            slash < 0 ? api.rootFolder("0") : path.substring(0, slash), "path", api.connection());
    String name = DriveIds.fileName(path.substring(slash + 1));
    Map<String, Object> attributeValues = new LinkedHashMap<>();
    attributeValues.put("name", name);
    attributeValues.put("parent", Map.of("id", folder));
    String attributes = BearerApi.toJson(attributeValues);
    // Box reads the attributes before the file, so they must come first
    StreamingBodies.Multipart body =
        StreamingBodies.Multipart.of(
            "form-data",
            "Content-Disposition: form-data; name=\"attributes\"",
            attributes,
            "Content-Disposition: form-data; name=\"file\"; filename="
                + StreamingBodies.quoted(name)
                + "\r\nContent-Type: "
                + upload.contentType(),
            upload);
    JsonNode created =
        api.json(
            api.request(uploadUrl + "/files/content")
                .header("Content-Type", body.contentType())
                .POST(body.body())
                .build(),
            "uploading '" + name + "'");
    return created.path("entries").path(0).path("id").asText();
  }

  @Override
  public Download download(String path) {
    String id = DriveIds.id(path, "path", api.connection());
    JsonNode file =
        api.json(
            api.request(apiUrl + "/files/" + id + "?fields=id,name,size").GET().build(),
            "reading file '" + id + "'");
    HttpResponse<InputStream> content =
        api.content(
            api.request(apiUrl + "/files/" + id + "/content").GET().build(),
            "downloading file '" + id + "'");
    long length = content.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new Download(content.body(), length, file.path("name").asText(id), null);
  }

  @Override
  public void delete(String path) {
    String id = DriveIds.id(path, "path", api.connection());
    api.json(api.request(apiUrl + "/files/" + id).DELETE().build(), "deleting file '" + id + "'");
  }

  /** One call: Box lists an item's ancestors, from the user's root down, in its path_collection. */
  @Override
  public boolean isInside(String id, String folderId, boolean folder) {
    JsonNode item =
        api.json(
            api.request(
                    apiUrl + (folder ? "/folders/" : "/files/") + id + "?fields=id,path_collection")
                .GET()
                .build(),
            "reading the folders above '" + id + "'");
    for (JsonNode ancestor : item.path("path_collection").path("entries")) {
      if (folderId.equals(ancestor.path("id").asText())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String verify() {
    JsonNode user =
        api.json(
            api.request(apiUrl + "/users/me?fields=id,login,name").GET().build(),
            "reading the user");
    return describe() + " accepted the token (user " + user.path("login").asText("unknown") + ")";
  }
}
