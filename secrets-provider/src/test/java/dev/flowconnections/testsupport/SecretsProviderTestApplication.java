package dev.flowconnections.testsupport;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;

/** The secrets-provider auto-configuration alone, on the real PostgreSQL. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SecretsProviderTestApplication {}
