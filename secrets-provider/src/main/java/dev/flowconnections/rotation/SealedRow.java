package dev.flowconnections.rotation;

import dev.flowconnections.crypto.SealedBox;

/**
 * One envelope-encrypted row, locked for re-sealing. {@code description} names the row by its ids
 * for messages (never its data); {@code id} is what the table needs to update it.
 */
record SealedRow(Object id, String description, byte[] associatedData, SealedBox box) {}
