package dev.flowconnections.runtime.openapi;

import dev.flowconnections.access.Actor;
import dev.flowconnections.integration.openapi.ApiOperation;
import dev.flowconnections.integration.openapi.ApiSpec;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI document of a REST API integration: import one (uploaded, or fetched from a URL) and
 * read the active version with its operations. {@link OpenApiImports} decides who may.
 */
@RestController
@RequestMapping("/api/integrations/{id}/openapi")
class OpenApiController {

  private final OpenApiImports imports;
  private final OpenApiLimits limits;

  OpenApiController(OpenApiImports imports, OpenApiLimits limits) {
    this.imports = imports;
    this.limits = limits;
  }

  /** The request body is the document itself, JSON or YAML, whatever its content type. */
  @PostMapping
  ResponseEntity<ImportResponse> upload(
      Actor actor, @PathVariable UUID id, HttpServletRequest request) throws IOException {
    long max = limits.maxDocumentSize().toBytes();
    if (request.getContentLengthLong() > max) {
      throw OpenApiFetcher.tooLarge(limits);
    }
    byte[] document;
    try (InputStream in = request.getInputStream()) {
      // one byte more than allowed tells an oversized body from one of exactly the limit
      document = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    }
    return answer(imports.importDocument(actor, id, document));
  }

  @PostMapping("/url")
  ResponseEntity<ImportResponse> fetch(
      Actor actor, @PathVariable UUID id, @RequestBody UrlRequest request) {
    return answer(imports.importFromUrl(actor, id, request == null ? null : request.url()));
  }

  @GetMapping
  SpecResponse active(Actor actor, @PathVariable UUID id) {
    return SpecResponse.of(imports.active(actor, id));
  }

  @GetMapping("/versions")
  List<VersionResponse> versions(Actor actor, @PathVariable UUID id) {
    return imports.versions(actor, id).stream().map(VersionResponse::of).toList();
  }

  /** Makes an earlier (or any stored) version the active one again; admins, as an import. */
  @PostMapping("/versions/{number}/activate")
  SpecResponse activate(Actor actor, @PathVariable UUID id, @PathVariable int number) {
    return SpecResponse.of(imports.activateVersion(actor, id, number));
  }

  private static ResponseEntity<ImportResponse> answer(OpenApiImports.Imported imported) {
    return ResponseEntity.status(imported.newVersion() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(
            new ImportResponse(
                SpecResponse.of(imported.spec()),
                imported.newVersion(),
                imported.withoutOperationId()));
  }

  record UrlRequest(String url) {}

  /**
   * @param newVersion false when the same document was imported before (its version is active
   *     again)
   * @param withoutOperationId operations of the document a task cannot name, so not offered
   */
  record ImportResponse(SpecResponse spec, boolean newVersion, int withoutOperationId) {}

  record SpecResponse(
      int number,
      String title,
      String specVersion,
      String sourceUrl,
      int operationCount,
      List<ApiOperation> operations,
      Instant importedAt,
      String importedBy) {
    static SpecResponse of(ApiSpec spec) {
      return new SpecResponse(
          spec.number(),
          spec.title(),
          spec.specVersion(),
          spec.sourceUrl(),
          spec.operations().size(),
          spec.operations(),
          spec.createdAt(),
          spec.createdBy());
    }
  }

  record VersionResponse(
      int number,
      String title,
      String specVersion,
      int operationCount,
      boolean active,
      Instant importedAt,
      String importedBy) {
    static VersionResponse of(ApiSpec spec) {
      return new VersionResponse(
          spec.number(),
          spec.title(),
          spec.specVersion(),
          spec.operations().size(),
          spec.active(),
          spec.createdAt(),
          spec.createdBy());
    }
  }
}
