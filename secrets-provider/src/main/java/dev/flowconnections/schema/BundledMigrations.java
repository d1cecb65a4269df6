package dev.flowconnections.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The migrations this jar was built with: the schema version it needs is the highest of them. Only
 * scripts beside this class count (same jar or classes directory), so another library's or the
 * application's own {@code db/migration} on the classpath changes nothing.
 */
public final class BundledMigrations {

  static final String PATTERN = "classpath*:db/migration/V*__*.sql";
  private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__[^/]*\\.sql$");

  private BundledMigrations() {}

  public static SchemaVersion latest() {
    String root = rootOf(BundledMigrations.class);
    try {
      Resource[] scripts =
          new PathMatchingResourcePatternResolver(BundledMigrations.class.getClassLoader())
              .getResources(PATTERN);
      return Arrays.stream(scripts)
          .map(BundledMigrations::url)
          .filter(url -> url.startsWith(root))
          .map(VERSIONED::matcher)
          .filter(Matcher::find)
          .map(m -> SchemaVersion.parse(m.group(1)))
          .max(SchemaVersion::compareTo)
          .orElseThrow(
              () ->
                  new IllegalStateException("no migrations db/migration/V*__*.sql beside " + root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL of the jar or directory a class was loaded from, as resource URLs in it start. */
  static String rootOf(Class<?> type) {
    String classFile = type.getName().replace('.', '/') + ".class";
    String url =
        Objects.requireNonNull(type.getClassLoader().getResource(classFile), classFile).toString();
    return url.substring(0, url.length() - classFile.length());
  }

  private static String url(Resource resource) {
    try {
      return resource.getURL().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
