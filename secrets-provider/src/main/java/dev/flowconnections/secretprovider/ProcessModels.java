package dev.flowconnections.secretprovider;

import java.util.Optional;

/**
 * The BPMN XML of deployed process definitions, which the placeholder guard reads to learn which
 * placeholders a process model itself writes. Definitions are immutable, so answers may be cached
 * by key.
 */
public interface ProcessModels {

  /**
   * @return the definition's BPMN XML; empty when it is not known
   * @throws RuntimeException when it cannot be read now (the job gets an incident and is not run)
   */
  Optional<String> bpmnXml(long processDefinitionKey);
}
