package dev.flowconnections.change;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.audit.AuditAction;
import dev.flowconnections.audit.AuditEvent;
import dev.flowconnections.audit.AuditRepository;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The recorder refuses what would let an audit row and its change part ways. */
@Tag("fast")
class ChangeRecorderTest {

  // never reached: both refusals come before anything is written
  private final ChangeRecorder recorder =
      new ChangeRecorder(
          new AuditRepository(new JdbcTemplate()),
          event -> {
            throw new AssertionError("nothing may be published");
          });

  @Test
  void refusesAChangeOutsideATransaction() {
    assertThatThrownBy(() -> recorder.changed(secretDeleted("org-a")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside the transaction");
    assertThatThrownBy(() -> recorder.audited(secretDeleted("org-a")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesOneChangeAcrossOrganizations() {
    assertThatThrownBy(
            () -> recorder.changed(List.of(secretDeleted("org-a"), secretDeleted("org-b"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static AuditEvent secretDeleted(String organizationId) {
    return new AuditEvent(
        null,
        organizationId,
        Instant.EPOCH,
        "admin",
        AuditAction.SECRET_DELETED,
        null,
        "KEY",
        null,
        null,
        List.of(),
        null,
        null,
        null);
  }
}
