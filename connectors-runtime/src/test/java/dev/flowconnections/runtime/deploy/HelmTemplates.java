package dev.flowconnections.runtime.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders the chart in deploy/helm the way {@code helm template} would, for the few template
 * constructs the chart uses (helm is not installed where the tests run): {@code {{ .Values.x }}},
 * {@code | quote}, {@code {{- if .Values.x }} ... {{- end }}} on whole lines and {@code {{- toYaml
 * .Values.x | nindent N }}}. Any other construct fails the rendering, so the chart cannot grow a
 * template this check silently skips.
 */
final class HelmTemplates {

  private static final Pattern IF = Pattern.compile("\\s*\\{\\{- if (\\S+) }}\\s*");
  private static final Pattern END = Pattern.compile("\\s*\\{\\{- end }}\\s*");
  private static final Pattern TO_YAML =
      Pattern.compile("\\s*\\{\\{- toYaml (\\S+) \\| nindent (\\d+) }}\\s*");
  private static final Pattern VALUE = Pattern.compile("\\{\\{ (\\S+)( \\| quote)? }}");

  private final Map<String, Object> context;

  HelmTemplates(Map<String, Object> values, String releaseName, Map<String, Object> chart) {
    Map<String, Object> chartFields = new LinkedHashMap<>();
    // Helm exposes Chart.yaml's fields capitalized: appVersion is .Chart.AppVersion
    chart.forEach(
        (name, value) ->
            chartFields.put(Character.toUpperCase(name.charAt(0)) + name.substring(1), value));
    context =
        Map.of("Values", values, "Release", Map.of("Name", releaseName), "Chart", chartFields);
  }

  static Map<String, Object> loadYaml(Path file) {
    try {
      return new Yaml().load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The chart's templates rendered and parsed, by kind. */
  Map<String, Map<String, Object>> renderChart(Path chartDirectory) throws IOException {
    Map<String, Map<String, Object>> byKind = new LinkedHashMap<>();
    try (var templates = Files.list(chartDirectory.resolve("templates"))) {
      for (Path template : templates.sorted().toList()) {
        for (Object document : new Yaml().loadAll(render(Files.readString(template)))) {
          @SuppressWarnings("unchecked")
          Map<String, Object> resource = (Map<String, Object>) document;
          byKind.put((String) resource.get("kind"), resource);
        }
      }
    }
    return byKind;
  }

  String render(String template) {
    StringBuilder out = new StringBuilder();
    Deque<Boolean> conditions = new ArrayDeque<>();
    for (String line : template.split("\n", -1)) {
      Matcher condition = IF.matcher(line);
      if (condition.matches()) {
        conditions.push(truthy(lookup(condition.group(1))));
        continue;
      }
      if (END.matcher(line).matches()) {
        conditions.pop();
        continue;
      }
      if (conditions.contains(false)) {
        continue;
      }
      Matcher toYaml = TO_YAML.matcher(line);
      if (toYaml.matches()) {
        String indent = " ".repeat(Integer.parseInt(toYaml.group(2)));
        out.append(
                dump(lookup(toYaml.group(1)))
                    .lines()
                    .map(l -> indent + l)
                    .collect(Collectors.joining("\n")))
            .append('\n');
        continue;
      }
      String rendered = VALUE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(value(m)));
      if (rendered.contains("{{")) {
        throw new IllegalArgumentException(
            "template construct this check does not render: " + line.trim());
      }
      out.append(rendered).append('\n');
    }
    if (!conditions.isEmpty()) {
      throw new IllegalArgumentException("an if without end");
    }
    return out.toString();
  }

  private String value(java.util.regex.MatchResult expression) {
    Object value = lookup(expression.group(1));
    if (value == null) {
      throw new IllegalArgumentException("no value for " + expression.group(1));
    }
    return expression.group(2) == null
        ? String.valueOf(value)
        : '"' + String.valueOf(value).replace("\"", "\\\"") + '"';
  }

  private Object lookup(String path) {
    if (!path.startsWith(".")) {
      throw new IllegalArgumentException("not a value path: " + path);
    }
    Object current = context;
    for (String name : path.substring(1).split("\\.")) {
      current = current instanceof Map<?, ?> map ? map.get(name) : null;
    }
    return current;
  }

  private static boolean truthy(Object value) {
    return value != null
        && !Boolean.FALSE.equals(value)
        && !"".equals(value)
        && !(value instanceof List<?> list && list.isEmpty())
        && !(value instanceof Map<?, ?> map && map.isEmpty());
  }

  private static String dump(Object value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(value);
  }
}
