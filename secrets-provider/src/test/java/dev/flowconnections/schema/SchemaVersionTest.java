package dev.flowconnections.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Flyway versions compare as numbers part by part, not as text. */
@Tag("fast")
class SchemaVersionTest {

  @Test
  void comparesNumerically() {
    assertThat(SchemaVersion.parse("10")).isGreaterThan(SchemaVersion.parse("9"));
    assertThat(SchemaVersion.parse("2.1")).isGreaterThan(SchemaVersion.parse("2"));
    assertThat(SchemaVersion.parse("2_10")).isGreaterThan(SchemaVersion.parse("2.9"));
  }

  @Test
  void trailingZerosChangeNothing() {
    assertThat(SchemaVersion.parse("2.0"))
        .isEqualTo(SchemaVersion.parse("2"))
        .hasSameHashCodeAs(SchemaVersion.parse("2"));
    assertThat(SchemaVersion.parse("2.0")).hasToString("2.0");
  }
}
