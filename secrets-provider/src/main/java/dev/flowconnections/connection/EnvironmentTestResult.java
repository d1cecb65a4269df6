package dev.flowconnections.connection;

import java.time.Instant;

/** The outcome of the last connection test of an environment; the message never holds a secret. */
public record EnvironmentTestResult(
    boolean ok, String message, Instant testedAt, String testedBy) {}
