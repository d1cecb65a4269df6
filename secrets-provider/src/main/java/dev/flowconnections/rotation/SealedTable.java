package dev.flowconnections.rotation;

import dev.flowconnections.crypto.SealedBox;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A table of envelope-encrypted rows the rotation re-seals. */
interface SealedTable {

  String name();

  /**
   * Locks ({@code for update skip locked}) up to {@code limit} rows sealed with one of
   * {@code keyIds}; rows a concurrent write holds are left for a later batch.
   */
  List<SealedRow> lockBatch(Collection<String> keyIds, int limit);

  /**
   * Stores the re-sealed box, provided the row still holds the box that was read (a second guard
   * besides the row lock against overwriting a newer write). Returns whether it did.
   */
  boolean replace(SealedRow row, SealedBox resealed);

  /** How many rows each master key id seals. */
  Map<String, Long> countByKeyId();
}
