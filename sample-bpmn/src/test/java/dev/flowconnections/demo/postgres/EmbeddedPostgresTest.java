package dev.flowconnections.demo.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.sample.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server itself, without the demo around it: one folder for the whole class, so the binaries
 * are unpacked and the data initialized once (as root here and in CI: through a user namespace).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedPostgresTest {

  @TempDir static Path dir;

  @Test
  @Order(1)
  void keepsItsDataFromOneStartToTheNext() throws Exception {
    EmbeddedPostgres first = EmbeddedPostgres.start(dir);
    try (Connection connection = first.connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("create table kept (what text)");
      statement.execute("insert into kept values ('from the first start')");
    }
    assertThat(first.version()).startsWith("17.");
    assertThat(Files.getPosixFilePermissions(dir.resolve("password")))
        .hasToString("[OWNER_READ, OWNER_WRITE]");
    first.stop();
    awaitGone(first.pid());

    EmbeddedPostgres second = EmbeddedPostgres.start(dir);
    try {
      assertThat(rows(second, "select what from kept")).isEqualTo("from the first start");
    } finally {
      second.stop();
    }
    awaitGone(second.pid());
  }

  @Test
  @Order(2)
  void stopsTheServerAKilledJvmLeftRunning() throws Exception {
    EmbeddedPostgres leftBehind = EmbeddedPostgres.start(dir); // its JVM "killed": never stopped

    EmbeddedPostgres next = EmbeddedPostgres.start(dir);
    try {
      awaitGone(leftBehind.pid());
      assertThat(rows(next, "select what from kept")).isEqualTo("from the first start");
    } finally {
      next.stop();
      leftBehind.stop(); // pg_ctl finds nothing to stop: must not harm anything
    }
    awaitGone(next.pid());
  }

  @Test
  @Order(3)
  void aPidFileNamingAnotherProcessDoesNotBlockTheStartNorHurtThatProcess() throws Exception {
    // after a reboot the recorded number may belong to anything; here: this JVM
    Files.writeString(
        dir.resolve("data/postmaster.pid"),
        ProcessHandle.current().pid() + "\n" + dir.resolve("data") + "\n");

    EmbeddedPostgres server = EmbeddedPostgres.start(dir);
    try {
      assertThat(rows(server, "select what from kept")).isEqualTo("from the first start");
      assertThat(server.pid()).isNotEqualTo(ProcessHandle.current().pid());
    } finally {
      server.stop();
    }
    awaitGone(server.pid());
  }

  @Test
  @Order(4)
  void aJvmThatExitsWithoutStoppingItLeavesNoServerBehind() throws Exception {
    try (ChildJvm jvm =
        ChildJvm.start(dir.resolve("child.out"), StartAndExit.class, dir.toString())) {
      long pid = Long.parseLong(jvm.awaitLine("postmaster (\\d+)").group(1));
      assertThat(jvm.awaitExit()).isZero();
      awaitGone(pid);
    }
  }

  /** Starts the server and returns from main without stopping it. */
  static final class StartAndExit {
    public static void main(String[] args) {
      System.out.println("postmaster " + EmbeddedPostgres.start(Path.of(args[0])).pid());
    }
  }

  private static String rows(EmbeddedPostgres server, String query) throws SQLException {
    try (Connection connection = server.connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getString(1);
    }
  }

  static void awaitGone(long pid) {
    Awaitility.await("postgres " + pid + " ends")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false);
  }
}
