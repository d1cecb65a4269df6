package dev.flowconnections.schema;

import java.util.Arrays;

/** A Flyway version such as {@code 10} or {@code 2.1}, compared part by part as numbers. */
public record SchemaVersion(int[] parts) implements Comparable<SchemaVersion> {

  public static SchemaVersion parse(String text) {
    String[] pieces = text.trim().split("[._]");
    int[] parts = new int[pieces.length];
    for (int i = 0; i < pieces.length; i++) {
      parts[i] = Integer.parseInt(pieces[i]);
    }
    return new SchemaVersion(parts);
  }

  @Override
  public int compareTo(SchemaVersion other) {
    for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
      int mine = i < parts.length ? parts[i] : 0;
      int theirs = i < other.parts.length ? other.parts[i] : 0;
      if (mine != theirs) {
        return Integer.compare(mine, theirs);
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SchemaVersion version && compareTo(version) == 0;
  }

  @Override
  public int hashCode() {
    int length = parts.length;
    while (length > 1 && parts[length - 1] == 0) {
      length--; // 2.0 equals 2
    }
    return Arrays.hashCode(Arrays.copyOf(parts, length));
  }

  @Override
  public String toString() {
    return String.join(".", Arrays.stream(parts).mapToObj(Integer::toString).toList());
  }
}
