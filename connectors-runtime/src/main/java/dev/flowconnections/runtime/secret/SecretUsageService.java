package dev.flowconnections.runtime.secret;

import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.Connection;
import dev.flowconnections.connection.ConnectionEnvironment;
import dev.flowconnections.connection.ConnectionRepository;
import dev.flowconnections.credential.CredentialLocation;
import dev.flowconnections.credential.CredentialStore;
import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.secret.SecretReferences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Which connections reference an organization secret as {@code @@SECRET:KEY@@}, so an admin sees
 * what a rotation or delete affects. References hide in non-secret settings and in secret fields
 * alike; the latter are read from the credential store (decrypted in memory, only the referenced
 * keys leave this class). Another user's PERSONAL connection stays invisible to admins as
 * everywhere else: it is counted, not named.
 */
@Service
class SecretUsageService {

  private final ConnectionRepository connections;
  private final CredentialStore credentials;

  SecretUsageService(ConnectionRepository connections, CredentialStore credentials) {
    this.connections = connections;
    this.credentials = credentials;
  }

  /** Every referenced key with its users, sorted by key. */
  Map<String, Usage> usage(Actor actor) {
    actor.requireAdmin("see where secrets are used");
    Map<String, Usage> byKey = new TreeMap<>();
    for (Connection connection : connections.list(actor.organizationId())) {
      Map<String, Set<Environment>> referenced = new TreeMap<>();
      for (ConnectionEnvironment environment : connection.environments().values()) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        collect(environment.settings().values(), keys);
        if (!environment.secretFieldsSet().isEmpty()) {
          credentials
              .read(
                  new CredentialLocation(
                      actor.organizationId(),
                      connection.id(),
                      connection.key(),
                      environment.environment()))
              .map(SecretValues::asMap)
              .ifPresent(values -> collect(values.values(), keys));
        }
        keys.forEach(
            key ->
                referenced
                    .computeIfAbsent(key, k -> EnumSet.noneOf(Environment.class))
                    .add(environment.environment()));
      }
      referenced.forEach(
          (key, environments) -> {
            Usage usage = byKey.computeIfAbsent(key, Usage::new);
            if (connection.visibleTo(actor.username())) {
              usage.connections.add(
                  new UsingConnection(
                      connection.id(),
                      connection.key(),
                      connection.name(),
                      List.copyOf(environments)));
            } else {
              usage.hiddenPersonalConnections++;
            }
          });
    }
    return byKey;
  }

  private static void collect(Collection<?> values, Set<String> keys) {
    for (Object value : values) {
      if (value instanceof String text) {
        keys.addAll(SecretReferences.keysIn(text));
      } else if (value instanceof Map<?, ?> map) {
        collect(map.values(), keys);
      } else if (value instanceof Collection<?> list) {
        collect(list, keys);
      }
    }
  }

  /** The connections referencing one key. */
  static final class Usage {
    private final String key;
    private final List<UsingConnection> connections = new ArrayList<>();
    private int hiddenPersonalConnections;

    Usage(String key) {
      this.key = key;
    }

    String key() {
      return key;
    }

    List<UsingConnection> connections() {
      return connections;
    }

    int hiddenPersonalConnections() {
      return hiddenPersonalConnections;
    }
  }

  record UsingConnection(UUID id, String key, String name, List<Environment> environments) {}
}
