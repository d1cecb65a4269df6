package dev.flowconnections.crypto;

/**
 * One envelope-encrypted row, locked for re-sealing. {@code description} names the row by its ids
 * for messages (never its data); {@code id} is what its {@link SealedTable} needs to update it.
 */
public record SealedRow(Object id, String description, byte[] associatedData, SealedBox box) {}
