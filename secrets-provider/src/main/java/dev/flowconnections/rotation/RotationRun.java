package dev.flowconnections.rotation;

import java.time.Instant;

/** One recorded rotation towards {@code targetKeyId}. */
record RotationRun(
    long id,
    String targetKeyId,
    RotationState state,
    String message,
    Instant startedAt,
    String startedBy,
    Instant updatedAt,
    Instant finishedAt) {}
