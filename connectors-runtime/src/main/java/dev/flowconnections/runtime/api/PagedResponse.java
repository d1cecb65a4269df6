package dev.flowconnections.runtime.api;

import dev.flowconnections.paging.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of a list as the API answers it: the JSON array of the page's items (what clients read
 * before lists paged), {@code X-Total-Count} (matches on all pages) and an RFC 8288 {@code Link}
 * header with {@code next}/{@code prev} where they exist, relative URLs that keep the request's
 * other query parameters.
 */
public final class PagedResponse {

  public static final String TOTAL_COUNT = "X-Total-Count";

  private PagedResponse() {}

  public static <T> ResponseEntity<List<T>> of(
      Page<?> page, List<T> body, HttpServletRequest request) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(page.total()));
    List<String> links = new ArrayList<>();
    if (page.hasNext()) {
      links.add(link(request, page.page() + 1, page.size(), "next"));
    }
    if (page.hasPrevious()) {
      // a page beyond the end links back to the last page that has items
      long last = Math.max(0, (page.total() - 1) / page.size());
      links.add(link(request, (int) Math.min(page.page() - 1, last), page.size(), "prev"));
    }
    if (!links.isEmpty()) {
      response.header("Link", String.join(", ", links));
    }
    return response.body(body);
  }

  private static String link(HttpServletRequest request, int page, int size, String rel) {
    // the query string as the client encoded it: only page and size are replaced
    String target =
        UriComponentsBuilder.fromPath(request.getRequestURI())
            .query(request.getQueryString())
            .replaceQueryParam("size", size)
            .replaceQueryParam("page", page)
            .build()
            .toUriString();
    return "<" + target + ">; rel=\"" + rel + "\"";
  }
}
