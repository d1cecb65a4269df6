package dev.flowconnections.templates;

/**
 * An entry of a template's Connection dropdown. Only the key reaches the diagram; the runtime
 * resolves it to credentials at execution time.
 */
public record ConnectionChoice(String key, String name, boolean personal) {

  public String label() {
    return name + " (" + key + ")" + (personal ? " · personal" : "");
  }
}
