package dev.flowconnections.integration.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.ConfigMode;
import dev.flowconnections.integration.Integration;
import dev.flowconnections.integration.IntegrationDraft;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Snapshots of an integration as JSON, taken from the {@link Integration} record as a whole rather
 * than property by property: a property added to the record is kept, diffed and restored without a
 * change here (as long as {@link IntegrationDraft} names it the same).
 */
public final class IntegrationSnapshots {

  /** Bookkeeping of a save, not something an admin changes. */
  private static final Set<String> BOOKKEEPING =
      Set.of("id", "organizationId", "version", "createdAt", "createdBy", "updatedAt", "updatedBy");

  private static final String CONFIG = "config";

  // our own mapper: the stored format must not depend on how an application configures its own
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private IntegrationSnapshots() {}

  public static String write(Integration integration) {
    try {
      return JSON.writeValueAsString(integration);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize integration " + integration.id(), e);
    }
  }

  public static Integration read(String snapshot) {
    try {
      return JSON.readValue(snapshot, Integration.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored integration revision is not an integration", e);
    }
  }

  /**
   * The update that makes the integration equal to {@code snapshot} again, sent as the admin who
   * last read {@code version}.
   */
  public static IntegrationDraft asUpdate(Integration snapshot, Long version) {
    ObjectNode tree = JSON.valueToTree(snapshot);
    JsonNode config = tree.remove(CONFIG);
    BOOKKEEPING.forEach(tree::remove);
    if (snapshot.configMode() == ConfigMode.SAME_FOR_ALL) {
      tree.set(CONFIG, config.get("shared"));
    } else {
      ObjectNode environments = tree.putObject("environments");
      config
          .get("environments")
          .fields()
          .forEachRemaining(e -> environments.putObject(e.getKey()).set("values", e.getValue()));
    }
    tree.put("version", version);
    try {
      return JSON.treeToValue(tree, IntegrationDraft.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("revision of " + snapshot.id() + " is no update", e);
    }
  }

  /** One changed property: values are the JSON the API shows (null when absent). */
  public record Change(String path, JsonNode before, JsonNode after) {}

  /**
   * What differs between two states, property by property in the record's order, then the
   * configuration keys: {@code config.baseUrl} (same for all environments) and {@code
   * config.PRODUCTION.baseUrl}. {@code before} may be null (a creation: nothing changed).
   */
  public static List<Change> changes(Integration before, Integration after) {
    List<Change> changes = new ArrayList<>();
    if (before == null) {
      return changes;
    }
    Map<String, JsonNode> old = flatten(before);
    Map<String, JsonNode> now = flatten(after);
    Set<String> paths = new java.util.LinkedHashSet<>(old.keySet());
    paths.addAll(now.keySet());
    for (String path : paths) {
      JsonNode a = old.get(path);
      JsonNode b = now.get(path);
      if (!same(a, b)) {
        changes.add(new Change(path, a, b));
      }
    }
    return changes;
  }

  public static List<String> changedPaths(Integration before, Integration after) {
    return changes(before, after).stream().map(Change::path).toList();
  }

  private static Map<String, JsonNode> flatten(Integration integration) {
    ObjectNode tree = JSON.valueToTree(integration);
    JsonNode config = tree.remove(CONFIG);
    BOOKKEEPING.forEach(tree::remove);
    Map<String, JsonNode> flat = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNull()) {
        flat.put(e.getKey(), e.getValue());
      }
    }
    flattenKeys("config.", config.get("shared"), flat);
    JsonNode environments = config.get("environments");
    for (Environment environment : Environment.values()) {
      flattenKeys("config." + environment + ".", environments.get(environment.name()), flat);
    }
    return flat;
  }

  private static void flattenKeys(String prefix, JsonNode values, Map<String, JsonNode> flat) {
    if (values == null || values.isNull()) {
      return;
    }
    Set<String> keys = new TreeSet<>();
    values.fieldNames().forEachRemaining(keys::add);
    keys.stream()
        .filter(k -> !values.get(k).isNull())
        .forEach(k -> flat.put(prefix + k, values.get(k)));
  }

  /** Equal JSON, with 5 and 5.0 (an int read back as a long) the same number. */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.equals(
        (x, y) ->
            x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue())
                : x.equals(y) ? 0 : 1,
        b);
  }
}
