package dev.flowconnections.runtime.storage;

import dev.flowconnections.runtime.worker.SecretMasker;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One provider's files, reached with one connection's credentials for one job (or one connection
 * test). Contents stream both ways; nothing here holds a whole file. Failures are the workers'
 * usual exceptions: an incident at once for configuration and refused credentials, a coded {@code
 * ConnectorException} for other refusals ({@value #NOT_FOUND} for a missing file), a retry when the
 * provider cannot be reached.
 */
interface FileStore extends Closeable {

  /**
   * A missing file: coded, so an errorExpression can route it; an incident after the job's retries.
   */
  String NOT_FOUND = "NOT_FOUND";

  /**
   * How messages name the store, e.g. "Amazon S3 bucket 'invoices' in eu-central-1"; never a
   * secret.
   */
  String describe();

  /** Masks every credential this store uses, including an access token obtained for it. */
  SecretMasker masker();

  Listing list(String path, int maxResults);

  /**
   * @return the stored file's path (S3, OneDrive) or id (Drive, Box), for later tasks
   */
  String upload(String path, Upload upload);

  /** The caller closes the download, which releases the provider's connection. */
  Download download(String path);

  void delete(String path);

  /**
   * Whether the file or folder {@code id} lies below the folder {@code folderId}, at any depth: the
   * check of a task's root folder for stores that address files by id (Drive, Box). Stores that
   * address files by path never need it; their root is a path prefix.
   *
   * @param folder whether {@code id} names a folder (Box has separate endpoints)
   */
  default boolean isInside(String id, String folderId, boolean folder) {
    throw new UnsupportedOperationException(describe() + " addresses files by path");
  }

  /** A cheap authenticated read-only call; returns what succeeded, for the test outcome. */
  String verify();

  @Override
  default void close() {}

  record Listing(List<StorageItem> items, boolean truncated) {}

  /**
   * @param length in bytes; -1 when unknown
   */
  record Upload(InputStream content, long length, String fileName, String contentType) {}

  /**
   * @param length in bytes as the provider announced it; -1 when it did not
   */
  record Download(InputStream content, long length, String fileName, String contentType)
      implements Closeable {
    @Override
    public void close() throws IOException {
      content.close();
    }
  }
}
