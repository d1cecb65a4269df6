package dev.flowconnections.scope;

/**
 * Who asks for a connection or an org secret at runtime. Camunda jobs carry no user, only the
 * process they belong to, so the BPMN process id is what process scope checks. A caller without a
 * process id is an unknown process: it may use only ORGANIZATION connections and org secrets whose
 * list of allowed processes is empty, never a PERSONAL connection.
 *
 * <p>{@link #PERSON} is a person acting through the management API ("test connection", OAuth2
 * "Connect") on a connection the services already showed them; process scope does not apply.
 *
 * @param bpmnProcessId the calling process, null when unknown or for {@link #PERSON}
 * @param person true only for {@link #PERSON}
 */
public record RuntimeCaller(String bpmnProcessId, boolean person) {

  /** A process the runtime cannot name (e.g. a secret placeholder without job context). */
  public static final RuntimeCaller UNKNOWN_PROCESS = new RuntimeCaller(null, false);

  /** A person through the management API, after the service's visibility check. */
  public static final RuntimeCaller PERSON = new RuntimeCaller(null, true);

  /** The job's process; null or blank is {@link #UNKNOWN_PROCESS}. */
  public static RuntimeCaller process(String bpmnProcessId) {
    return bpmnProcessId == null || bpmnProcessId.isBlank()
        ? UNKNOWN_PROCESS
        : new RuntimeCaller(bpmnProcessId, false);
  }

  /** How refusals name the caller. */
  public String describe() {
    if (person) {
      return "a person";
    }
    return bpmnProcessId == null ? "an unknown process" : "process '" + bpmnProcessId + "'";
  }
}
