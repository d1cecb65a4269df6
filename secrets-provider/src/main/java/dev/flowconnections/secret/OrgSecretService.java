package dev.flowconnections.secret;

import dev.flowconnections.access.Actor;
import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.change.ChangeRecorder;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.scope.AllowedProcesses;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.transaction.support.TransactionTemplate;

/** Organization secrets: write-only values, managed by administrators. */
public class OrgSecretService {

  public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  public static final int MAX_VALUE_LENGTH = 64 * 1024;

  private final OrgSecretRepository repository;
  private final TransactionTemplate tx;
  private final ChangeRecorder changes;
  private final Clock clock;

  public OrgSecretService(
      OrgSecretRepository repository, TransactionTemplate tx, ChangeRecorder changes, Clock clock) {
    this.repository = repository;
    this.tx = tx;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * Creates or rotates a secret, keeping its allowed processes; returns true when it was created.
   */
  public boolean put(Actor actor, String key, String value) {
    return put(actor, key, value, null);
  }

  /**
   * Creates or rotates a secret and sets the processes allowed to use it ({@code null}: keep them;
   * empty: every process). Without a value, an existing secret keeps its value and only its allowed
   * processes change. Returns true when it was created.
   */
  public boolean put(Actor actor, String key, String value, List<String> allowedProcesses) {
    actor.requireAdmin("manage secrets");
    ValidationException.Collector errors = new ValidationException.Collector();
    if (key == null || !KEY.matcher(key).matches()) {
      errors.add(
          "key", "must be 1-128 letters, digits, '_', '.' or '-', starting with a letter or digit");
    } else if (key.startsWith("connections.")) {
      errors.add("key", "'connections.' is reserved for connection fields");
    }
    boolean scopeOnly = value == null && allowedProcesses != null;
    if (value == null ? !scopeOnly : value.isEmpty()) {
      errors.add("value", "is required");
    } else if (value != null && value.length() > MAX_VALUE_LENGTH) {
      errors.add("value", "must be at most " + MAX_VALUE_LENGTH + " characters");
    }
    List<String> allowed = AllowedProcesses.validate(allowedProcesses, "allowedProcesses", errors);
    errors.throwIfAny();
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              java.time.Instant now = clock.instant();
              boolean created;
              List<String> changed = new ArrayList<>();
              if (scopeOnly) {
                OrgSecret current =
                    repository
                        .find(actor.organizationId(), key)
                        .orElseThrow(
                            () ->
                                new ValidationException(
                                    "value",
                                    "is required: secret '" + key + "' does not exist yet"));
                repository.setAllowedProcesses(
                    actor.organizationId(), key, allowed, now, actor.username());
                created = false;
                if (!current.allowedProcesses().equals(allowed)) {
                  changed.add("allowedProcesses");
                }
              } else {
                List<String> before =
                    repository
                        .find(actor.organizationId(), key)
                        .map(OrgSecret::allowedProcesses)
                        .orElse(null);
                created =
                    repository.put(
                        actor.organizationId(), key, value, allowed, now, actor.username());
                if (allowed != null && !allowed.equals(before == null ? List.of() : before)) {
                  changed.add("allowedProcesses");
                }
              }
              AuditAction action =
                  created
                      ? AuditAction.SECRET_CREATED
                      : scopeOnly ? AuditAction.SECRET_UPDATED : AuditAction.SECRET_ROTATED;
              changes.changed(AuditEvent.secret(actor, now, action, key, changed));
              return created;
            }));
  }

  public List<OrgSecret> list(Actor actor) {
    actor.requireAdmin("list secrets");
    return repository.list(actor.organizationId());
  }

  public void delete(Actor actor, String key) {
    actor.requireAdmin("manage secrets");
    tx.executeWithoutResult(
        status -> {
          if (!repository.delete(actor.organizationId(), key)) {
            throw new NotFoundException("secret '" + key + "' does not exist");
          }
          changes.changed(
              AuditEvent.secret(actor, clock.instant(), AuditAction.SECRET_DELETED, key));
        });
  }

  /** The plain value, for resolution inside the runtime only; never exposed by the API. */
  public Optional<String> value(String organizationId, String key) {
    return repository.value(organizationId, key);
  }
}
