package dev.flowconnections.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.resolution.ResolutionInputsChanged;
import dev.flowconnections.testsupport.PostgresTestSchema;
import io.camunda.connector.api.error.ConnectorInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker's pools, watched from the server side: every session of this test logs in as a role of
 * its own, so {@code pg_stat_activity} shows exactly the sessions the pools hold. (The local
 * PostgreSQL trusts every login, so a password change here only changes the fingerprint; the
 * refused login is shown against MariaDB in {@link SqlMariaDbTest}.)
 */
class SqlPoolLifecycleTest {

  static final String ROLE = "fc_pool_" + Long.toHexString(System.nanoTime());
  static final String DEFAULT_ORGANIZATION = "default"; // SqlTestFixture's runtime serves it
  static final long LOCK = System.nanoTime();

  private final SqlTestFixture sql =
      new SqlTestFixture().connection("POSTGRESQL", PostgresTestSchema.URL, ROLE, "first-password");

  @BeforeAll
  static void createRole() throws SQLException {
    admin("create role " + ROLE + " login");
  }

  @AfterAll
  static void dropRole() throws SQLException {
    admin("select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + ROLE + "'");
    admin("drop role if exists " + ROLE);
  }

  /**
   * A closed pool's sessions leave {@code pg_stat_activity} only once their server processes have
   * exited, which lags behind {@code close()} on a busy machine; every test counts the role's
   * sessions, so none may start while the previous test's are still there.
   */
  @AfterEach
  void closePools() {
    sql.close();
    eventually("the closed pools' sessions to end", () -> sessionsOfRole() == 0);
  }

  @Test
  void onePoolServesEveryJobWithAtMostFourSessions() throws Exception {
    ExecutorService jobs = Executors.newFixedThreadPool(8);
    // Every job first waits for a lock the test holds until the pool is full, so jobs run side by
    // side however the machine schedules them; each then counts the sessions of the role.
    try (Connection holder = PostgresTestSchema.connect()) {
      lock(holder, "pg_advisory_lock");
      List<CompletableFuture<Long>> running =
          IntStream.range(0, 8)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () ->
                              ((Number)
                                      sql.query(
                                              "select (select count(*) from pg_stat_activity where usename = current_user) as sessions"
                                                  + " from (select pg_advisory_xact_lock_shared("
                                                  + LOCK
                                                  + ")) as waited")
                                          .rows()
                                          .get(0)
                                          .get("sessions"))
                                  .longValue(),
                          jobs))
              .toList();
      eventually(
          "the pool to lend all its sessions",
          () -> activeStatements() == SqlDataSources.MAX_POOL_SIZE);
      lock(holder, "pg_advisory_unlock");

      List<Long> seen = running.stream().map(CompletableFuture::join).toList();

      assertThat(seen)
          .allSatisfy(
              sessions -> assertThat(sessions).isBetween(1L, (long) SqlDataSources.MAX_POOL_SIZE));
      assertThat(seen)
          .anySatisfy(
              sessions -> assertThat(sessions).isGreaterThan(1L)); // jobs did run side by side
      assertThat(sql.dataSources.openPools()).isEqualTo(1);
    } finally {
      jobs.shutdownNow();
    }
  }

  @Test
  void changedCredentialsReplaceThePoolAndItsSessionsGo() throws SQLException {
    long oldSession = backendPid();

    sql.connection("POSTGRESQL", PostgresTestSchema.URL, ROLE, "rotated-password");
    long newSession = backendPid();

    assertThat(newSession).isNotEqualTo(oldSession);
    assertThat(sql.dataSources.openPools()).isEqualTo(1);
    // the sweeper removes the pool from the retiring set only after close() returned, which is
    // after the server saw the session go: wait for both
    eventually(
        "the old pool's session to end and the pool to be closed",
        () -> !alive(oldSession) && sql.dataSources.retiringPools() == 0);
    assertThat(alive(newSession)).isTrue();
  }

  @Test
  void aChangeEventRetiresThePoolsOfItsOrganizationOnly() throws SQLException {
    long session = backendPid();

    sql.dataSources.onChange(new ResolutionInputsChanged("some-other-organization"));
    assertThat(sql.dataSources.openPools()).isEqualTo(1);
    assertThat(backendPid()).isEqualTo(session);

    sql.dataSources.onChange(new ResolutionInputsChanged(DEFAULT_ORGANIZATION));
    assertThat(sql.dataSources.openPools()).isZero();
    eventually("the retired pool's session to end", () -> !alive(session));
  }

  @Test
  void aStatementStillRunningWhenItsPoolIsRetiredCompletes() throws Exception {
    // The statement waits for an advisory lock this test holds, so it is still running when the
    // pool is retired however slow the machine is, and ends only when the test lets it.
    try (Connection holder = PostgresTestSchema.connect()) {
      lock(holder, "pg_advisory_lock");
      CompletableFuture<SqlResult> slow =
          CompletableFuture.supplyAsync(
              () ->
                  sql.query(
                      "select pg_backend_pid() as pid from (select pg_advisory_xact_lock("
                          + LOCK
                          + ")) as waited"));
      eventually("the statement to wait for the lock", () -> activeStatements() == 1);

      sql.dataSources.onChange(new ResolutionInputsChanged(DEFAULT_ORGANIZATION));
      assertThat(sql.dataSources.retiringPools()).isEqualTo(1);
      assertThat(slow).isNotDone();

      lock(holder, "pg_advisory_unlock");
      long pid =
          ((Number) slow.get().rows().get(0).get("pid")).longValue(); // completes, not aborted
      eventually(
          "the retired pool to close once idle",
          () -> sql.dataSources.retiringPools() == 0 && !alive(pid));
    }
  }

  @Test
  void shutdownClosesEveryPool() throws SQLException {
    long session = backendPid();

    sql.dataSources.destroy();

    eventually("the pool's session to end", () -> !alive(session));
    assertThatThrownBy(() -> sql.query("select 1")).hasMessageContaining("shutting down");
  }

  @Test
  void aDatabaseThatRefusesTheLoginLeavesNeitherPoolNorSessionNorThread() throws SQLException {
    sql.connection(
        "POSTGRESQL",
        "jdbc:postgresql://127.0.0.1:5432/fc_no_such_database",
        ROLE,
        "first-password");

    assertThatThrownBy(() -> sql.query("select 1"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("the database refused connection 'orders-db' in DEVELOPMENT")
        .hasMessageContaining("fc_no_such_database");

    assertThat(sql.dataSources.openPools()).isZero();
    assertThat(sql.dataSources.retiringPools()).isZero();
    assertThat(sessionsOfRole()).isZero();
    eventually(
        "HikariCP's threads of the failed pool to end",
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("fc-sql-" + SqlTestFixture.KEY)));
  }

  /** Runs a job and answers the server process id of the session the pool lent it. */
  private long backendPid() {
    return ((Number) sql.query("select pg_backend_pid() as pid").rows().get(0).get("pid"))
        .longValue();
  }

  private static boolean alive(long pid) {
    return count("select count(*) from pg_stat_activity where pid = ?", pid) > 0;
  }

  private static long sessionsOfRole() {
    return count("select count(*) from pg_stat_activity where usename = ?", ROLE);
  }

  private static long activeStatements() {
    return count(
        "select count(*) from pg_stat_activity where usename = ? and state = 'active'", ROLE);
  }

  private static long count(String query, Object parameter) {
    try (Connection c = PostgresTestSchema.connect();
        PreparedStatement st = c.prepareStatement(query)) {
      st.setObject(1, parameter);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void lock(Connection connection, String function) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("select " + function + "(" + LOCK + ")");
    }
  }

  private static void admin(String statement) throws SQLException {
    try (Connection c = PostgresTestSchema.connect();
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  private static void eventually(String what, BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(condition::getAsBoolean);
  }
}
