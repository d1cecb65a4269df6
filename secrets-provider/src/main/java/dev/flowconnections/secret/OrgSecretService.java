package dev.flowconnections.secret;

import dev.flowconnections.access.Actor;
import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.errors.ValidationException;
import dev.flowconnections.resolution.ResolutionInputsChanged;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Organization secrets: write-only values, managed by administrators. */
public class OrgSecretService {

  public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  public static final int MAX_VALUE_LENGTH = 64 * 1024;

  private final OrgSecretRepository repository;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public OrgSecretService(
      OrgSecretRepository repository, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  /** Creates or rotates a secret; returns true when it was created. */
  public boolean put(Actor actor, String key, String value) {
    actor.requireAdmin("manage secrets");
    ValidationException.Collector errors = new ValidationException.Collector();
    if (key == null || !KEY.matcher(key).matches()) {
      errors.add("key", "must be 1-128 letters, digits, '_', '.' or '-', starting with a letter or digit");
    } else if (key.startsWith("connections.")) {
      errors.add("key", "'connections.' is reserved for connection fields");
    }
    if (value == null || value.isEmpty()) {
      errors.add("value", "is required");
    } else if (value.length() > MAX_VALUE_LENGTH) {
      errors.add("value", "must be at most " + MAX_VALUE_LENGTH + " characters");
    }
    errors.throwIfAny();
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              java.time.Instant now = clock.instant();
              boolean created = repository.put(actor.organizationId(), key, value, now, actor.username());
              events.publishEvent(new ResolutionInputsChanged(actor.organizationId()));
              events.publishEvent(AuditEvent.secret(
                  actor, now, created ? AuditAction.SECRET_CREATED : AuditAction.SECRET_ROTATED, key));
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
          events.publishEvent(new ResolutionInputsChanged(actor.organizationId()));
          events.publishEvent(AuditEvent.secret(actor, clock.instant(), AuditAction.SECRET_DELETED, key));
        });
  }

  /** The plain value, for resolution inside the runtime only; never exposed by the API. */
  public Optional<String> value(String organizationId, String key) {
    return repository.value(organizationId, key);
  }
}
