package dev.flowconnections.rotation;

import java.time.Instant;
import java.util.List;

/**
 * The latest rotation run and where every master key id stands. Counts cover both sealed tables
 * (connection credentials and org secrets) of the whole database; totals sum the old keys. Holds
 * ids and counts only, never a value.
 */
public record RotationStatus(
    String activeKeyId,
    RotationState state,
    String targetKeyId,
    String message,
    Instant startedAt,
    String startedBy,
    Instant updatedAt,
    Instant finishedAt,
    long total,
    long done,
    long remaining,
    List<KeyProgress> keys,
    List<String> removableKeyIds,
    List<String> missingKeyIds) {}
