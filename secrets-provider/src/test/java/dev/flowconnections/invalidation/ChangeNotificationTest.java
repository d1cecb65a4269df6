package dev.flowconnections.invalidation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.access.Actor;
import dev.flowconnections.access.Role;
import dev.flowconnections.connection.ConnectionView;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.testsupport.DatabaseTest;
import dev.flowconnections.testsupport.IntegrationDrafts;
import dev.flowconnections.testsupport.PostgresTestSchema;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** What goes over the wire: only committed changes, and only the organization id. */
class ChangeNotificationTest extends DatabaseTest {

  @Autowired TransactionTemplate tx;

  private Connection listening;

  @BeforeEach
  void listen() throws Exception {
    listening = PostgresTestSchema.connect();
    try (Statement st = listening.createStatement()) {
      st.execute("LISTEN " + ChangeChannel.DEFAULT);
    }
  }

  @AfterEach
  void close() throws Exception {
    listening.close();
  }

  @Test
  void aCommittedCredentialChangeAnnouncesTheOrganizationAndNoSecret() throws Exception {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    putCredentials(modeler, c, Environment.PRODUCTION, Map.of("token", "tok-very-secret-123"));

    List<PGNotification> received = receive();

    assertThat(received).isNotEmpty();
    assertThat(received)
        .allSatisfy(n -> assertThat(n.getParameter()).doesNotContain("tok-very-secret-123"));
    assertThat(received).extracting(PGNotification::getParameter).contains(ORG);
  }

  @Test
  void aRolledBackChangeAnnouncesNothing() throws Exception {
    ConnectionView c = connection(modeler, bearerIntegration(), Visibility.ORGANIZATION);
    receive(); // drain the creation's notifications

    String marker = "rolled-back-" + System.nanoTime();
    tx.executeWithoutResult(
        status -> {
          integrations.create(
              new Actor("admin", marker, Set.of(Role.ADMIN)),
              IntegrationDrafts.bearerRest(unique("REST")));
          status.setRollbackOnly();
        });
    putCredentials(modeler, c, Environment.PRODUCTION, Map.of("token", "t"));

    // the committed change after it arrives, the rolled-back one before it never does
    assertThat(receive())
        .extracting(PGNotification::getParameter)
        .contains(ORG)
        .doesNotContain(marker);
  }

  /** Everything on our channel that arrives within half a second. */
  private List<PGNotification> receive() throws Exception {
    List<PGNotification> all = new ArrayList<>();
    long deadline = System.nanoTime() + 500_000_000L;
    while (System.nanoTime() < deadline) {
      PGNotification[] batch = listening.unwrap(PGConnection.class).getNotifications(100);
      if (batch != null) {
        for (PGNotification n : batch) {
          if (n.getName().equals(ChangeChannel.DEFAULT)) {
            all.add(n);
          }
        }
      }
    }
    return all;
  }
}
