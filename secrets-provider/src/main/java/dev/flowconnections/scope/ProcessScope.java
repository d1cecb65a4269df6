package dev.flowconnections.scope;

import dev.flowconnections.audit.AuditSubject;
import dev.flowconnections.connection.Connection;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import java.util.List;

/**
 * The runtime boundary: which process may use which connection and org secret. An ORGANIZATION
 * connection or org secret with an empty list serves every process of the organization; a PERSONAL
 * connection serves only the processes its owner listed (empty: none), and in PRODUCTION only when
 * an administrator allowed it. Unknown processes get only what is open to every process.
 */
public final class ProcessScope {

  private ProcessScope() {}

  /**
   * @throws ProcessScopeException when {@code caller} may not use {@code connection} in {@code
   *     environment}
   */
  public static void checkConnection(
      Connection connection, Environment environment, RuntimeCaller caller) {
    if (caller.person()) {
      return;
    }
    boolean personal = connection.visibility() == Visibility.PERSONAL;
    if (!admits(connection.allowedProcesses(), caller, !personal)) {
      // A personal connection is refused in the words of a missing one, so that running a process
      // with a guessed key tells nobody that another user has it; the audit log says what happened.
      throw new ProcessScopeException(
          personal
              ? "connection '" + connection.key() + "' does not exist"
              : "connection '" + connection.key() + "' may not be used by " + caller.describe(),
          AuditSubject.CONNECTION,
          connection.key());
    }
    if (personal && environment == Environment.PRODUCTION && !connection.allowedInProduction()) {
      throw new ProcessScopeException(
          "connection '"
              + connection.key()
              + "' may not be used by "
              + caller.describe()
              + " in PRODUCTION: an administrator has not allowed this personal connection there",
          AuditSubject.CONNECTION,
          connection.key());
    }
  }

  /**
   * @throws ProcessScopeException when {@code caller} may not use the org secret {@code key}
   */
  public static void checkSecret(String key, List<String> allowedProcesses, RuntimeCaller caller) {
    if (!caller.person() && !admits(allowedProcesses, caller, true)) {
      throw new ProcessScopeException(
          "secret '" + key + "' may not be used by " + caller.describe(), AuditSubject.SECRET, key);
    }
  }

  private static boolean admits(
      List<String> allowed, RuntimeCaller caller, boolean emptyMeansEvery) {
    if (allowed.isEmpty()) {
      return emptyMeansEvery;
    }
    return caller.bpmnProcessId() != null && allowed.contains(caller.bpmnProcessId());
  }
}
