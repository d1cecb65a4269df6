package dev.flowconnections.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The System integrations this release ships, read from {@value #RESOURCE}. Kept as data so a
 * release changes an entry by editing JSON and raising its revision, not by writing a migration.
 */
public final class SystemCatalogue {

  public static final String RESOURCE = "catalogue/system-integrations.json";

  private final List<CatalogueEntry> entries;

  public SystemCatalogue(List<CatalogueEntry> entries) {
    Set<String> keys = new HashSet<>();
    for (CatalogueEntry entry : entries) {
      if (entry.key() == null || !entry.key().matches("[a-z0-9][a-z0-9-]{0,62}")) {
        throw new IllegalStateException("catalogue entry key '" + entry.key() + "' is not a slug");
      }
      if (!keys.add(entry.key())) {
        throw new IllegalStateException("catalogue entry '" + entry.key() + "' appears twice");
      }
      if (entry.revision() < 1) {
        throw new IllegalStateException(
            "catalogue entry '" + entry.key() + "' needs revision >= 1");
      }
      if (entry.vertical() != null && !Verticals.SUGGESTED.contains(entry.vertical())) {
        throw new IllegalStateException(
            "catalogue entry '" + entry.key() + "' has a vertical outside " + Verticals.SUGGESTED);
      }
    }
    this.entries = List.copyOf(entries);
  }

  /** The catalogue on the classpath. */
  public static SystemCatalogue load(ObjectMapper json) {
    try (InputStream in = SystemCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      File file =
          json.copy()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(in, File.class);
      return new SystemCatalogue(file.entries());
    } catch (IOException e) {
      throw new IllegalStateException(RESOURCE + " cannot be read", e);
    }
  }

  public List<CatalogueEntry> entries() {
    return entries;
  }

  private record File(List<CatalogueEntry> entries) {}
}
