package dev.flowconnections.runtime.storage;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.AgentToolFailures;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderConnection;
import dev.flowconnections.runtime.worker.SecretMasker;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.document.DocumentMetadata;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a File Manager task: resolves the Storage connection for this runtime's environment, opens
 * its provider's store and lists, uploads, downloads or deletes. Files stream between the provider
 * and the Camunda document store; {@link StorageLimits} bounds both files and anything that goes
 * into process variables.
 */
public class StorageService {

  private static final Logger LOG = LoggerFactory.getLogger(StorageService.class);
  static final String WORKER = "storage worker";
  static final String OCTET_STREAM = "application/octet-stream";

  private final WorkerConnections connections;
  private final StorageStores stores;
  private final StorageLimits limits;

  StorageService(WorkerConnections connections, StorageStores stores, StorageLimits limits) {
    this.connections = connections;
    this.stores = stores;
    this.limits = limits;
  }

  /**
   * @param job the job: its tenant names the organization of the connection; the audit log names
   *     its process instance
   * @param documents creates a Camunda document in the runtime's document store (the job context's)
   */
  public StorageResult execute(
      StorageRequest request,
      JobContext job,
      Function<DocumentCreationRequest, Document> documents) {
    String path = request.path() == null ? "" : request.path().strip();
    if (request.operation() != StorageOperation.LIST && path.isEmpty()) {
      throw new ConnectorInputException(
          "path: must not be blank for "
              + request.operation().name().toLowerCase(java.util.Locale.ROOT)
              + " (the file's key, path or id)");
    }
    UploadSource source =
        request.operation() == StorageOperation.UPLOAD ? UploadSource.of(request) : null;
    // resolved after the task's own input is checked: a bad path needs no credentials
    ProviderConnection<StorageProvider> resolved =
        connections.resolve(
            request.connection(), job, IntegrationType.STORAGE, WORKER, StorageProvider::of);
    if (AgentToolFailures.isAgentTool(job)
        && (request.rootFolder() == null || request.rootFolder().isBlank())) {
      // the model names the paths of a File Manager Tool; only the modeller's folder bounds them
      throw JobFailures.connectionProblem(
          "rootFolder: a File Manager Tool works only inside the folder or prefix the task sets;"
              + " set it on the task");
    }
    ResolvedConnection connection = resolved.connection();
    StorageProvider provider = resolved.provider();
    SecretMasker masker = WorkerConnections.maskerFor(connection);
    // the modeller's bound on the path an AI model may fill; checked before any provider call
    RootFolder root = RootFolder.of(request.rootFolder(), provider, connection);
    LOG.debug("{} '{}' via {}", request.operation(), path, resolved);
    try (FileStore store = stores.open(provider, connection, masker)) {
      if (root == null) {
        return run(request, store, provider, path, path, source, documents);
      }
      StorageResult result =
          run(
              request,
              store,
              provider,
              root.resolve(path, request.operation(), store),
              path,
              source,
              documents);
      return switch (request.operation()) {
        case LIST ->
            StorageResult.listed(provider, path, root.inside(result.items()), result.truncated());
        case UPLOAD -> result.withPath(root.stored(result.path(), path));
        case DOWNLOAD, DELETE -> result.withPath(path);
      };
    }
  }

  /**
   * @param target the provider's path or id
   * @param path the task's path, for the result
   */
  private StorageResult run(
      StorageRequest request,
      FileStore store,
      StorageProvider provider,
      String target,
      String path,
      UploadSource source,
      Function<DocumentCreationRequest, Document> documents) {
    return switch (request.operation()) {
      case LIST -> {
        FileStore.Listing listing = store.list(target, request.resultLimit());
        // names come from the provider, which might echo what it was sent
        List<StorageItem> items =
            listing.items().stream()
                .map(
                    item ->
                        new StorageItem(
                            store.masker().mask(item.name()),
                            item.path(),
                            item.folder(),
                            item.size(),
                            item.lastModified()))
                .toList();
        yield StorageResult.listed(provider, path, items, listing.truncated());
      }
      case UPLOAD -> upload(store, provider, target, source, request.contentType());
      case DOWNLOAD ->
          download(store, provider, target, request.target(), documents, store.masker());
      case DELETE -> {
        store.delete(target);
        yield StorageResult.deleted(provider, target);
      }
    };
  }

  private StorageResult upload(
      FileStore store,
      StorageProvider provider,
      String path,
      UploadSource source,
      String contentType) {
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    String type =
        firstNonBlank(
            contentType,
            source.contentType(),
            URLConnection.guessContentTypeFromName(fileName),
            OCTET_STREAM);
    if (source.text() != null) {
      byte[] bytes = source.text().getBytes(StandardCharsets.UTF_8);
      if (bytes.length > limits.maxVariableSize().toBytes()) {
        throw limits.variableTooLarge(path, bytes.length, true);
      }
      String stored =
          store.upload(
              path,
              new FileStore.Upload(new ByteArrayInputStream(bytes), bytes.length, fileName, type));
      return StorageResult.uploaded(provider, stored, bytes.length, type);
    }
    long maxFile = limits.maxFileSize().toBytes();
    Long announced =
        source.document().metadata() == null ? null : source.document().metadata().getSize();
    if (announced != null && announced > maxFile) {
      throw limits.fileTooLarge(path, announced, true);
    }
    if (announced != null) {
      try (LimitedInputStream content =
          new LimitedInputStream(source.document().asInputStream(), announced)) {
        String stored = uploadStream(store, path, content, announced, fileName, type);
        return StorageResult.uploaded(provider, stored, announced, type);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return uploadSpooled(store, provider, path, source.document(), fileName, type, maxFile);
  }

  private String uploadStream(
      FileStore store,
      String path,
      LimitedInputStream content,
      long length,
      String fileName,
      String type) {
    try {
      return store.upload(path, new FileStore.Upload(content, length, fileName, type));
    } catch (ConnectorException e) {
      if (content.exceeded()) {
        throw new ConnectorInputException(
            "the document for '" + path + "' holds more bytes than its metadata's size " + length);
      }
      throw e;
    }
  }

  /**
   * A document of unknown size goes through a temporary file, since S3 and Box need the length up
   * front.
   */
  private StorageResult uploadSpooled(
      FileStore store,
      StorageProvider provider,
      String path,
      Document document,
      String fileName,
      String type,
      long maxFile) {
    Path spool = null;
    try {
      spool = Files.createTempFile("flow-connections-upload-", ".bin");
      LimitedInputStream in = new LimitedInputStream(document.asInputStream(), maxFile);
      try (in) {
        Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        if (in.exceeded()) {
          throw limits.fileTooLarge(path, maxFile + 1, false);
        }
        throw new ConnectorInputException(
            "the document for '"
                + path
                + "' cannot be read ("
                + e.getClass().getSimpleName()
                + ")");
      }
      long length = Files.size(spool);
      try (InputStream spooled = Files.newInputStream(spool)) {
        String stored = store.upload(path, new FileStore.Upload(spooled, length, fileName, type));
        return StorageResult.uploaded(provider, stored, length, type);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (spool != null) {
        spool.toFile().delete();
      }
    }
  }

  private StorageResult download(
      FileStore store,
      StorageProvider provider,
      String path,
      DownloadTarget target,
      Function<DocumentCreationRequest, Document> documents,
      SecretMasker masker) {
    long limit =
        (target == DownloadTarget.TEXT ? limits.maxVariableSize() : limits.maxFileSize()).toBytes();
    try (FileStore.Download download = store.download(path)) {
      if (download.length() > limit) {
        throw target == DownloadTarget.TEXT
            ? limits.variableTooLarge(path, download.length(), true)
            : limits.fileTooLarge(path, download.length(), true);
      }
      String type =
          firstNonBlank(
              download.contentType(),
              URLConnection.guessContentTypeFromName(download.fileName()),
              OCTET_STREAM);
      LimitedInputStream content = new LimitedInputStream(download.content(), limit);
      if (target == DownloadTarget.TEXT) {
        byte[] bytes = readText(content, path, store, masker);
        // a text becomes a process variable: a credential inside the file must not
        return StorageResult.downloaded(
            provider, path, null, masker.mask(text(bytes, path)), bytes.length, type);
      }
      Document document;
      try {
        document =
            documents.apply(
                DocumentCreationRequest.from(content)
                    .fileName(download.fileName())
                    .contentType(type)
                    .build());
      } catch (RuntimeException e) {
        if (content.exceeded()) {
          throw limits.fileTooLarge(path, limit + 1, false);
        }
        // the provider's stream or the document store failed; either may work on the next attempt
        throw JobFailures.unreachable(
            "downloading '" + path + "' from " + store.describe() + " into a Camunda document",
            e,
            masker);
      }
      return StorageResult.downloaded(provider, path, document, null, content.count(), type);
    } catch (IOException e) {
      throw JobFailures.unreachable("reading '" + path + "' from " + store.describe(), e, masker);
    }
  }

  private byte[] readText(
      LimitedInputStream content, String path, FileStore store, SecretMasker masker) {
    try {
      return content.readAllBytes();
    } catch (IOException e) {
      if (content.exceeded()) {
        // the last read may have gone past the limit by a buffer; only "more than the limit" is
        // known
        throw limits.variableTooLarge(path, limits.maxVariableSize().toBytes() + 1, false);
      }
      throw JobFailures.unreachable("reading '" + path + "' from " + store.describe(), e, masker);
    }
  }

  private static String text(byte[] bytes, String path) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ConnectorInputException(
          "the file '" + path + "' is not UTF-8 text; download it as a document instead");
    }
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  /** What an upload stores: exactly one of a Camunda document and a text. */
  private record UploadSource(Document document, String text) {

    static UploadSource of(StorageRequest request) {
      boolean hasText = request.content() != null;
      if ((request.document() == null) == !hasText) {
        throw new ConnectorInputException(
            "document: an upload needs either a document or a text in 'content', not "
                + (hasText ? "both" : "neither"));
      }
      return new UploadSource(request.document(), request.content());
    }

    String contentType() {
      DocumentMetadata metadata = document == null ? null : document.metadata();
      return metadata == null ? null : metadata.getContentType();
    }
  }
}
