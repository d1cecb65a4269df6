package dev.flowconnections.sample.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one run measured: rows of metric, value, target and whether the target was met, plus notes
 * (sizes, machine), as a markdown table. A missed target is a finding, not an error.
 */
final class LoadReport {

  /** One line of the table; {@code met} is null when the row has no target. */
  record Row(String metric, String value, String target, Boolean met) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  synchronized void row(String metric, String value) {
    rows.add(new Row(metric, value, "", null));
  }

  synchronized void row(String metric, String value, String target, boolean met) {
    rows.add(new Row(metric, value, target, met));
  }

  synchronized void note(String note) {
    notes.add(note);
  }

  synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  static String millis(double ms) {
    return String.format(Locale.ROOT, "%.1f ms", ms);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  synchronized String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| Metric | Value | Target | Met? |\n|---|---|---|---|\n");
    for (Row row : rows) {
      String met = row.met() == null ? "" : row.met() ? "yes" : "**no**";
      out.append("| ")
          .append(row.metric())
          .append(" | ")
          .append(row.value())
          .append(" | ")
          .append(row.target())
          .append(" | ")
          .append(met)
          .append(" |\n");
    }
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(n -> out.append("- ").append(n).append('\n'));
    }
    return out.toString();
  }

  void write(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, "# Load driver report\n\n" + markdown());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
