package dev.flowconnections.runtime.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI documents under {@code src/test/resources/openapi}. */
public final class OpenApiFixtures {

  /** OpenAPI 3.0, YAML: Orders API 1.4.0 with three operations (and one without operationId). */
  public static final String ORDERS_30_YAML = "orders-3.0.yaml";

  /** OpenAPI 3.1, JSON: Pets 2025-01 with one operation. */
  public static final String PETS_31_JSON = "pets-3.1.json";

  private OpenApiFixtures() {}

  public static String document(String name) {
    try (InputStream in = OpenApiFixtures.class.getResourceAsStream("/openapi/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
