package dev.flowconnections.integration.openapi;

/**
 * A path or query parameter of an {@link ApiOperation}, as its OpenAPI document declares it.
 *
 * @param type the schema type ({@code string}, {@code integer}, ...); {@code string} when the
 *     document gives none
 * @param description the document's description, or null
 */
public record ApiParameter(String name, String type, String description, boolean required) {

  /**
   * The name under which a task passes the value ({@code pathParameters.<inputName>}) and an agent
   * asks the model for it ({@code toolCall.<inputName>}): both must be FEEL names, so anything but
   * letters, digits and '_' becomes '_' ({@code order-id} is {@code order_id}).
   */
  public String inputName() {
    String cleaned = name.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isDigit(cleaned.charAt(0)) ? "_" + cleaned : cleaned;
  }
}
