package dev.flowconnections.connection;

import dev.flowconnections.integration.IntegrationType;
import java.util.Locale;
import java.util.UUID;

/**
 * Filters of the connections list; null means "any". {@code search} matches (case-insensitively)
 * the connection's name or key, its integration's name or the label of the integration's type;
 * {@code vertical} the integration's domain vertical, ignoring case.
 */
public record ConnectionQuery(
    String search, IntegrationType type, UUID integrationId, String vertical) {

  public ConnectionQuery {
    search = search == null || search.isBlank() ? null : search.trim().toLowerCase(Locale.ROOT);
    vertical = vertical == null || vertical.isBlank() ? null : vertical.trim();
  }

  public static ConnectionQuery all() {
    return new ConnectionQuery(null, null, null, null);
  }
}
