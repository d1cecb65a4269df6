package dev.flowconnections.runtime.openapi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the OpenAPI import of REST API integrations.
 *
 * @param maxDocumentSize largest OpenAPI document an admin may upload or have fetched
 * @param fetchTimeout how long fetching a document from a URL may take (connect and answer each)
 */
@ConfigurationProperties("flow-connections.openapi")
public record OpenApiLimits(
    @DefaultValue("2MB") DataSize maxDocumentSize, @DefaultValue("10s") Duration fetchTimeout) {}
