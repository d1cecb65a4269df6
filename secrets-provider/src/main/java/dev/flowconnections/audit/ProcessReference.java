package dev.flowconnections.audit;

/** The job that read a connection: its process instance and the element (task) it ran for. */
public record ProcessReference(
    long processInstanceKey, String bpmnProcessId, String elementId, long elementInstanceKey) {}
