package dev.flowconnections.runtime.storage;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import io.camunda.connector.api.error.ConnectorInputException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The modeller's {@code rootFolder}: a folder the task cannot leave, e.g. for a File Manager node
 * that an AI agent uses as a tool. The model supplies {@code path}; this class turns it into the
 * provider's path below the root or refuses it (an incident naming the field) before the provider
 * is asked, and keeps results inside: listed paths are relative to the root, entries outside it are
 * dropped.
 *
 * <p>S3 and OneDrive address files by path: the root is a key prefix / folder path (below the
 * integration's root folder for OneDrive), and {@code path} is relative to it. Google Drive and Box
 * address files by id: the root is a folder id, and every id the task names must be the root or lie
 * below it, which the store checks with the provider ({@link FileStore#isInside}).
 */
final class RootFolder {

  static final String FIELD = "rootFolder";

  /** Percent-encoding: the provider or a proxy might decode {@code %2e%2e} or {@code %2f}. */
  private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");

  /** Segments of dots and blanks only: {@code ..}, and what a server may trim into it. */
  private static final Pattern DOTS = Pattern.compile("[.\\s]+");

  private final String root;
  private final boolean byId;
  private final ResolvedConnection connection;

  private RootFolder(String root, boolean byId, ResolvedConnection connection) {
    this.root = root;
    this.byId = byId;
    this.connection = connection;
  }

  /**
   * @return null when the task sets no root folder
   */
  static RootFolder of(String value, StorageProvider provider, ResolvedConnection connection) {
    if (value == null || value.isBlank()) {
      return null;
    }
    boolean byId = provider == StorageProvider.GOOGLE_DRIVE || provider == StorageProvider.BOX;
    if (byId) {
      return new RootFolder(DriveIds.id(value, FIELD, connection), true, connection);
    }
    String root = plainPath(value, FIELD);
    if (root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
    if (root.isEmpty()) {
      throw JobFailures.connectionProblem(
          FIELD + ": '" + value.strip() + "' names no folder; leave it empty for no confinement");
    }
    return new RootFolder(root, false, connection);
  }

  /**
   * The provider's path or id for the task's {@code path} (stripped): below the root, or refused.
   * Drive and Box ask the store where an id lies.
   */
  String resolve(String path, StorageOperation operation, FileStore store) {
    return byId ? resolveId(path, operation, store) : resolvePath(path, operation);
  }

  private String resolvePath(String path, StorageOperation operation) {
    String relative = plainPath(path, "path");
    if (relative.isEmpty() && operation != StorageOperation.LIST) {
      throw new ConnectorInputException(
          "path: '"
              + path
              + "' names the root folder itself; "
              + operation.name().toLowerCase(Locale.ROOT)
              + " needs a file below it");
    }
    return root + "/" + relative;
  }

  private String resolveId(String path, StorageOperation operation, FileStore store) {
    return switch (operation) {
      case LIST ->
          path.isEmpty() ? root : insideFolder(DriveIds.id(path, "path", connection), store);
      case UPLOAD -> {
        int slash = path.lastIndexOf('/');
        yield slash < 0
            ? root + "/" + path
            : insideFolder(DriveIds.id(path.substring(0, slash), "path", connection), store)
                + path.substring(slash);
      }
      case DOWNLOAD, DELETE -> {
        String id = DriveIds.id(path, "path", connection);
        if (id.equals(root)) {
          throw new ConnectorInputException(
              "path: '"
                  + id
                  + "' is the root folder itself; "
                  + operation.name().toLowerCase(Locale.ROOT)
                  + " needs a file below it");
        }
        if (!store.isInside(id, root, false)) {
          throw outside(id);
        }
        yield id;
      }
    };
  }

  private String insideFolder(String folder, FileStore store) {
    if (!folder.equals(root) && !store.isInside(folder, root, true)) {
      throw outside(folder);
    }
    return folder;
  }

  private static ConnectorInputException outside(String id) {
    return new ConnectorInputException(
        "path: '" + id + "' is not inside the task's root folder (" + FIELD + ")");
  }

  /**
   * Listed entries as the task may see them: S3 and OneDrive paths relative to the root, anything
   * outside it (or the root itself) left out. Drive and Box list a folder the task may read, by id.
   */
  List<StorageItem> inside(List<StorageItem> items) {
    if (byId) {
      return items;
    }
    return items.stream()
        .filter(item -> relative(item.path()) != null)
        .map(
            item ->
                new StorageItem(
                    item.name(),
                    relative(item.path()),
                    item.folder(),
                    item.size(),
                    item.lastModified()))
        .toList();
  }

  /**
   * The path a later task passes for a stored file: relative to the root (S3, OneDrive), the id
   * (Drive, Box).
   */
  String stored(String stored, String asked) {
    if (byId) {
      return stored;
    }
    String relative = relative(stored);
    return relative == null ? asked : relative;
  }

  /** Null when the provider's path is not strictly below the root. */
  private String relative(String providerPath) {
    if (providerPath == null) {
      return null;
    }
    String path = providerPath.startsWith("/") ? providerPath.substring(1) : providerPath;
    if (!path.startsWith(root + "/") || path.length() == root.length() + 1) {
      return null;
    }
    return path.substring(root.length() + 1);
  }

  /**
   * A path of plain segments, relative to the root: one leading and one trailing slash allowed
   * (dropped resp. kept), no empty, {@code .} or {@code ..} segments (nor ones a server could
   * normalize into them: dots and blanks only, Unicode compatibility forms such as {@code ．．}), no
   * backslashes, no percent-encoding, no control characters.
   *
   * @return the path without its leading slash
   */
  static String plainPath(String value, String field) {
    String path = value.strip();
    check(path, value, field);
    check(Normalizer.normalize(path, Normalizer.Form.NFKC), value, field);
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static void check(String path, String value, String field) {
    if (path.indexOf('\\') >= 0
        || PERCENT_ENCODED.matcher(path).find()
        || path.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
      throw notPlain(value, field);
    }
    String inner = path.startsWith("/") ? path.substring(1) : path;
    inner = inner.endsWith("/") ? inner.substring(0, inner.length() - 1) : inner;
    if (inner.isEmpty()) {
      if (path.length() > 1) { // "//"
        throw notPlain(value, field);
      }
      return;
    }
    for (String segment : inner.split("/", -1)) {
      if (segment.isEmpty() || DOTS.matcher(segment).matches()) {
        throw notPlain(value, field);
      }
    }
  }

  private static ConnectorInputException notPlain(String value, String field) {
    return new ConnectorInputException(
        field
            + ": '"
            + value.strip().replaceAll("\\p{Cntrl}", "?")
            + "' must be a plain path inside the root folder (no '..' or '.' segments, empty"
            + " segments, backslashes, percent-encoding or control characters)");
  }
}
