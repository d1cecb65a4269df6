package dev.flowconnections.runtime.connectiontest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a user waits for "test connection".
 *
 * @param timeout how long a 'test connection' may take before it answers that the service did not
 *     answer
 */
@ConfigurationProperties("flow-connections.connection-test")
public record ConnectionTestLimits(@DefaultValue("15s") Duration timeout) {}
