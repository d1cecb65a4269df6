package dev.flowconnections.rotation;

/**
 * One master key id as the rows see it. {@code rows} are sealed with it now. For an old key, {@code
 * done} rows were re-sealed from it by the latest run, {@code remaining} still wait and {@code
 * total} is their sum; these are null for the active key. {@code removable}: an old key that no row
 * needs any more may be deleted from {@code previous-keys}.
 */
public record KeyProgress(
    String keyId,
    boolean active,
    boolean configured,
    long rows,
    Long total,
    Long done,
    Long remaining,
    boolean removable) {}
