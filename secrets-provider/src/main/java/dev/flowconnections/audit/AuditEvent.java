package dev.flowconnections.audit;

import dev.flowconnections.access.Actor;
import dev.flowconnections.connection.Connection;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.Integration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One audit log entry. It names things (connection key, secret key, field names) and never holds a
 * value: the factories below take only names, so no caller can put a secret into a row.
 *
 * @param id assigned by the database; null before the event is written
 * @param personalOwner owner of a PERSONAL connection, whose key and id only the owner sees
 * @param process the job that read a connection, for {@link AuditAction#CONNECTION_READ}
 */
public record AuditEvent(
    Long id,
    String organizationId,
    Instant occurredAt,
    String actor,
    AuditAction action,
    String subjectId,
    String subjectKey,
    String personalOwner,
    Environment environment,
    List<String> changedFields,
    String outcome,
    ProcessReference process,
    String worker) {

  /** The actor of a runtime read: a job, not a user. */
  public static final String RUNTIME_ACTOR = "runtime";

  public AuditEvent {
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
  }

  public AuditSubject subjectType() {
    return action.subject();
  }

  public static AuditEvent connection(
      Actor actor,
      Instant at,
      AuditAction action,
      Connection connection,
      Environment environment,
      Collection<String> fields) {
    return aboutConnection(
        actor.organizationId(),
        at,
        actor.username(),
        action,
        connection,
        environment,
        sorted(fields),
        null);
  }

  /**
   * An environment's OAuth2 grant was written outside the connection editor: {@code actor} is the
   * user who authorised it ("Connect") or {@link #RUNTIME_ACTOR} for a refresh; {@code fields}
   * names the token fields written or the mark set.
   */
  public static AuditEvent oauth2Grant(
      String actor,
      Instant at,
      Connection connection,
      Environment environment,
      Collection<String> fields) {
    return aboutConnection(
        connection.organizationId(),
        at,
        actor,
        AuditAction.CREDENTIALS_CHANGED,
        connection,
        environment,
        sorted(fields),
        null);
  }

  public static AuditEvent tested(
      Actor actor, Instant at, Connection connection, Environment environment, boolean ok) {
    return aboutConnection(
        actor.organizationId(),
        at,
        actor.username(),
        AuditAction.CONNECTION_TESTED,
        connection,
        environment,
        List.of(),
        ok ? "OK" : "FAILED");
  }

  public static AuditEvent secret(Actor actor, Instant at, AuditAction action, String secretKey) {
    return secret(actor, at, action, secretKey, List.of());
  }

  /**
   * @param fields what changed: {@code value}, {@code allowedProcesses}
   */
  public static AuditEvent secret(
      Actor actor, Instant at, AuditAction action, String secretKey, Collection<String> fields) {
    return byUser(actor, at, action, null, secretKey, fields);
  }

  public static AuditEvent integration(
      Actor actor,
      Instant at,
      AuditAction action,
      Integration integration,
      Collection<String> fields) {
    return byUser(actor, at, action, integration.id().toString(), integration.name(), fields);
  }

  /**
   * A worker resolved {@code connectionKey} for a job; {@code process} is null when the worker did
   * not say which.
   */
  public static AuditEvent read(
      String organizationId,
      Instant at,
      String connectionKey,
      Environment environment,
      ProcessReference process,
      String worker) {
    return byRuntime(
        organizationId,
        at,
        AuditAction.CONNECTION_READ,
        connectionKey,
        environment,
        process,
        worker);
  }

  /**
   * A job's process was refused a connection or an org secret ({@link
   * AuditAction#CONNECTION_READ_REFUSED}, {@link AuditAction#SECRET_READ_REFUSED}); {@code process}
   * is null when the caller did not say which.
   */
  public static AuditEvent refused(
      String organizationId,
      Instant at,
      AuditSubject subject,
      String key,
      Environment environment,
      ProcessReference process,
      String worker) {
    AuditAction action =
        subject == AuditSubject.SECRET
            ? AuditAction.SECRET_READ_REFUSED
            : AuditAction.CONNECTION_READ_REFUSED;
    return byRuntime(organizationId, at, action, key, environment, process, worker);
  }

  /**
   * The event as {@code viewer} may see it: another user's PERSONAL connection loses key and id.
   */
  public AuditEvent visibleTo(String viewer) {
    if (personalOwner == null || personalOwner.equals(viewer)) {
      return this;
    }
    return new AuditEvent(
        id,
        organizationId,
        occurredAt,
        actor,
        action,
        null,
        null,
        personalOwner,
        environment,
        changedFields,
        outcome,
        process,
        worker);
  }

  /** An event about one connection, named by id and key (both hidden from others if personal). */
  private static AuditEvent aboutConnection(
      String organizationId,
      Instant at,
      String actor,
      AuditAction action,
      Connection connection,
      Environment environment,
      List<String> changedFields,
      String outcome) {
    return new AuditEvent(
        null,
        organizationId,
        at,
        actor,
        action,
        connection.id().toString(),
        connection.key(),
        ownerIfPersonal(connection),
        environment,
        changedFields,
        outcome,
        null,
        null);
  }

  /** A user's change to an org-wide subject (secret, integration), in no environment. */
  private static AuditEvent byUser(
      Actor actor,
      Instant at,
      AuditAction action,
      String subjectId,
      String subjectKey,
      Collection<String> fields) {
    return new AuditEvent(
        null,
        actor.organizationId(),
        at,
        actor.username(),
        action,
        subjectId,
        subjectKey,
        null,
        null,
        sorted(fields),
        null,
        null,
        null);
  }

  /** A job's read through the runtime, naming the subject by key only. */
  private static AuditEvent byRuntime(
      String organizationId,
      Instant at,
      AuditAction action,
      String key,
      Environment environment,
      ProcessReference process,
      String worker) {
    return new AuditEvent(
        null,
        organizationId,
        at,
        RUNTIME_ACTOR,
        action,
        null,
        key,
        null,
        environment,
        List.of(),
        null,
        process,
        worker);
  }

  private static String ownerIfPersonal(Connection connection) {
    return connection.visibility() == Visibility.PERSONAL ? connection.owner() : null;
  }

  private static List<String> sorted(Collection<String> fields) {
    return fields == null ? List.of() : fields.stream().sorted().distinct().toList();
  }
}
