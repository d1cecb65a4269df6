package dev.flowconnections.paging;

import dev.flowconnections.errors.ValidationException;

/**
 * Which page of a list to answer: {@code page} 0-based, {@code size} items at most. Requests from
 * clients go through {@link #of} or {@link #parse} ({@code size} between 1 and {@link #MAX_SIZE});
 * {@link #ALL} is for callers inside the application. A page beyond the last one is empty, not an
 * error.
 */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 100;
  public static final int MAX_SIZE = 500;

  /** Every item in one page: for callers inside the application that need the whole list. */
  public static final PageRequest ALL = new PageRequest(0, Integer.MAX_VALUE);

  /** A client's page request; out of range is a 400 naming the parameter. */
  public static PageRequest of(int page, int size) {
    ValidationException.Collector errors = new ValidationException.Collector();
    check(page, size, errors);
    errors.throwIfAny();
    return new PageRequest(page, size);
  }

  /**
   * The page the query parameters ask for; absent ones take their defaults (0 and {@value
   * #DEFAULT_SIZE}). Anything else than a whole number in range is a 400 naming the parameter.
   */
  public static PageRequest parse(String page, String size) {
    ValidationException.Collector errors = new ValidationException.Collector();
    int p = parse("page", page, 0, errors);
    int s = parse("size", size, DEFAULT_SIZE, errors);
    // a value that is no number was reported and stands at its default here
    check(p, s, errors);
    errors.throwIfAny();
    return new PageRequest(p, s);
  }

  public long offset() {
    return (long) page * size;
  }

  private static int parse(
      String name, String value, int fallback, ValidationException.Collector errors) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      errors.add(name, "must be a whole number");
      return fallback;
    }
  }

  private static void check(int page, int size, ValidationException.Collector errors) {
    if (page < 0) {
      errors.add("page", "must be 0 or more (pages count from 0)");
    }
    if (size < 1 || size > MAX_SIZE) {
      errors.add("size", "must be between 1 and " + MAX_SIZE);
    }
  }
}
