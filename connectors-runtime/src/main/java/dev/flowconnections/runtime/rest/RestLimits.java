package dev.flowconnections.runtime.rest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a REST task brings back into the process.
 *
 * @param maxResponseSize largest REST response body a task returns; larger ones fail with
 *     RESPONSE_TOO_LARGE (below Zeebe's 4 MB message limit)
 */
@ConfigurationProperties("flow-connections.rest")
public record RestLimits(@DefaultValue("1MB") DataSize maxResponseSize) {}
