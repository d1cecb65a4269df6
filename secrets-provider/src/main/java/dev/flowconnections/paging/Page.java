package dev.flowconnections.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items, how many items match the filter on all pages, and which page of
 * which size this is (0-based).
 */
public record Page<T>(List<T> items, long total, int page, int size) {

  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), total, page, size);
  }

  /** Whether a page follows this one. */
  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }

  /** Whether a page precedes this one. */
  public boolean hasPrevious() {
    return page > 0;
  }
}
