package dev.flowconnections.runtime.openapi;

import dev.flowconnections.access.Actor;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.integration.openapi.ApiSpec;
import dev.flowconnections.integration.openapi.ApiSpecRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Imports OpenAPI documents into REST API integrations. Each different document becomes the next
 * stored version and the integration's active one; the same document again only makes its version
 * active again. The integration is saved through {@link IntegrationService#amend}, so an import is
 * an audited change (and a revision) of the integration like an edit.
 */
public class OpenApiImports {

  /** The property an import changes, as the audit log names it. */
  static final String PROPERTY = "openApiSpec";

  private final IntegrationService integrations;
  private final ApiSpecRepository specs;
  private final OpenApiFetcher fetcher;
  private final OpenApiLimits limits;
  private final Clock clock;

  public OpenApiImports(
      IntegrationService integrations, ApiSpecRepository specs, OpenApiLimits limits, Clock clock) {
    this.integrations = integrations;
    this.specs = specs;
    this.fetcher = new OpenApiFetcher(limits);
    this.limits = limits;
    this.clock = clock;
  }

  /** What an import did: the now active version, and whether it is a new one. */
  public record Imported(ApiSpec spec, boolean newVersion, int withoutOperationId) {}

  /** An uploaded document (JSON or YAML). */
  public Imported importDocument(Actor actor, UUID integrationId, byte[] document) {
    checkMayImport(actor, integrationId);
    if (document.length > limits.maxDocumentSize().toBytes()) {
      throw OpenApiFetcher.tooLarge(limits);
    }
    return save(
        actor,
        integrationId,
        OpenApiDocuments.parse(new String(document, StandardCharsets.UTF_8)),
        null);
  }

  /** A document the runtime fetches from {@code url}, within its network policy and limits. */
  public Imported importFromUrl(Actor actor, UUID integrationId, String url) {
    // Checked before the fetch: a USER must not make the runtime send requests.
    checkMayImport(actor, integrationId);
    String document = fetcher.fetch(url);
    return save(actor, integrationId, OpenApiDocuments.parse(document), url.trim());
  }

  /** The active version; any user of the organization may read it (it holds no secret). */
  public ApiSpec active(Actor actor, UUID integrationId) {
    integrations.get(actor, integrationId);
    return specs
        .active(actor.organizationId(), integrationId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "integration " + integrationId + " has no imported OpenAPI document"));
  }

  /** Every stored version, newest first. */
  public List<ApiSpec> versions(Actor actor, UUID integrationId) {
    integrations.get(actor, integrationId);
    return specs.versions(actor.organizationId(), integrationId);
  }

  /**
   * Makes the stored version {@code number} active again, e.g. to go back to the operations an
   * earlier revision of the integration used (restoring a revision does not switch documents).
   */
  public ApiSpec activateVersion(Actor actor, UUID integrationId, int number) {
    checkMayImport(actor, integrationId);
    AtomicReference<ApiSpec> activated = new AtomicReference<>();
    integrations.amend(
        actor,
        integrationId,
        PROPERTY,
        current -> {
          ApiSpec spec =
              specs.versions(current.organizationId(), integrationId).stream()
                  .filter(v -> v.number() == number)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "integration "
                                  + integrationId
                                  + " has no OpenAPI document version "
                                  + number));
          activated.set(spec);
          if (spec.active()) {
            return null; // already the active one: nothing to save
          }
          specs.activate(current.organizationId(), integrationId, spec.id());
          return current.withOpenApiSpecUrl(
              spec.sourceUrl() != null ? spec.sourceUrl() : current.openApiSpecUrl());
        });
    return activated.get();
  }

  private void checkMayImport(Actor actor, UUID integrationId) {
    actor.requireAdmin("import OpenAPI documents");
    Integration integration = integrations.get(actor, integrationId);
    integration.requireChangeableBy(actor, "change");
    requireRestApi(integration);
  }

  private static void requireRestApi(Integration integration) {
    if (integration.type() != IntegrationType.REST_API) {
      throw new ValidationException(
          "type",
          "is " + integration.type() + ": only REST API integrations import OpenAPI documents");
    }
  }

  private Imported save(Actor actor, UUID integrationId, ParsedApiDocument parsed, String url) {
    AtomicReference<Imported> imported = new AtomicReference<>();
    integrations.amend(
        actor,
        integrationId,
        PROPERTY,
        current -> {
          requireRestApi(current);
          String org = current.organizationId();
          String newUrl = url != null ? url : current.openApiSpecUrl();
          ApiSpec existing =
              specs.byContentHash(org, integrationId, parsed.contentHash()).orElse(null);
          if (existing != null) {
            imported.set(new Imported(existing, false, parsed.withoutOperationId()));
            if (existing.active() && java.util.Objects.equals(newUrl, current.openApiSpecUrl())) {
              return null; // the same document again: nothing to save
            }
            specs.activate(org, integrationId, existing.id());
            return current.withOpenApiSpecUrl(newUrl);
          }
          ApiSpec spec =
              new ApiSpec(
                  UUID.randomUUID(),
                  integrationId,
                  specs.nextNumber(integrationId),
                  parsed.title(),
                  parsed.specVersion(),
                  parsed.contentHash(),
                  url,
                  parsed.operations(),
                  true,
                  clock.instant(),
                  actor.username());
          specs.insert(org, spec);
          specs.activate(org, integrationId, spec.id());
          imported.set(new Imported(spec, true, parsed.withoutOperationId()));
          return current.withOpenApiSpecUrl(newUrl);
        });
    return imported.get();
  }
}
