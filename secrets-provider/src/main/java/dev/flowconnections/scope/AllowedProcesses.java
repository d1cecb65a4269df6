package dev.flowconnections.scope;

import dev.flowconnections.errors.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of a list of allowed BPMN process ids, as connections and org secrets hold them. */
public final class AllowedProcesses {

  /** A BPMN process id is an XML NCName; Zeebe accepts at most 255 characters. */
  public static final Pattern PROCESS_ID = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]{0,254}");

  public static final int MAX_ENTRIES = 100;

  private AllowedProcesses() {}

  /**
   * The list as stored (null stays null: "not given"); every bad entry is reported as {@code
   * field[i]}. Entries are trimmed; blanks, bad syntax and duplicates are errors.
   */
  public static List<String> validate(
      List<String> ids, String field, ValidationException.Collector errors) {
    if (ids == null) {
      return null;
    }
    if (ids.size() > MAX_ENTRIES) {
      errors.add(field, "must list at most " + MAX_ENTRIES + " processes");
      return List.of();
    }
    List<String> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i) == null ? "" : ids.get(i).trim();
      String at = field + "[" + i + "]";
      if (!PROCESS_ID.matcher(id).matches()) {
        errors.add(
            at,
            "must be a BPMN process id: 1-255 letters, digits, '_', '-' or '.', starting with a letter or '_'");
      } else if (!seen.add(id)) {
        errors.add(at, "'" + id + "' is listed twice");
      } else {
        result.add(id);
      }
    }
    return List.copyOf(result);
  }
}
