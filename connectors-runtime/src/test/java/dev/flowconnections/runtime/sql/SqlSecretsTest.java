package dev.flowconnections.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowconnections.runtime.connectiontest.TestOutcome;
import dev.flowconnections.testsupport.PostgresTestSchema;
import io.camunda.connector.api.error.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The password of a Database connection reaches no incident, error variable, result, connection
 * test outcome or log line, whichever way the task or its connection goes wrong. The drivers'
 * messages are shown, so each case is run for real: MariaDB checks passwords (its root has none
 * here, so any password is wrong), PostgreSQL answers the rest.
 */
@ExtendWith(OutputCaptureExtension.class)
class SqlSecretsTest {

  static final String PASSWORD = "Db-Pa55word-never-shown";
  static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test";

  private final SqlTestFixture sql = new SqlTestFixture();

  @AfterEach
  void closePools() {
    sql.close();
  }

  @Test
  void noFailureOfTheTaskOrItsConnectionQuotesThePassword(CapturedOutput output) {
    List<Throwable> failures = new ArrayList<>();
    failures.add(failureOf("MARIADB", MARIADB, "root", "select 1")); // wrong password
    failures.add(
        failureOf(
            "POSTGRESQL",
            "jdbc:mysql://127.0.0.1/test",
            "postgres",
            "select 1")); // vendor mismatch
    failures.add(
        failureOf(
            "POSTGRESQL", "jdbc:postgresql://127.0.0.1:notaport/test", "postgres", "select 1"));
    failures.add(
        failureOf(
            "POSTGRESQL",
            "jdbc:postgresql://127.0.0.1:1/test",
            "postgres",
            "select 1")); // nobody listens
    failures.add(
        failureOf(
            "POSTGRESQL",
            "jdbc:postgresql://127.0.0.1:5432/fc_missing_db",
            "postgres",
            "select 1"));
    String postgres = PostgresTestSchema.jdbcUrl();
    failures.add(failureOf("POSTGRESQL", postgres, "postgres", "selec 1")); // syntax error
    failures.add(
        failureOf("POSTGRESQL", postgres, "postgres", "select :missing")); // missing parameter
    failures.add(
        failureOf(
            "POSTGRESQL",
            postgres,
            "postgres",
            "select * from \"" + PASSWORD + "\"")); // quoted back

    assertThat(failures)
        .hasSize(8)
        .allSatisfy(
            failure -> {
              assertThat(failure).as("every case fails").isNotNull();
              assertThat(everythingSaidBy(failure)).doesNotContain(PASSWORD);
            });
    assertThat(failures.getLast().getMessage())
        .as("the server did quote it; the worker masked it")
        .contains("relation \"****\" does not exist");
    assertThat(output.getAll()).as("log lines of drivers and pools").doesNotContain(PASSWORD);
  }

  @Test
  void aResultThatWouldCarryThePasswordIsMasked() {
    sql.connection("POSTGRESQL", PostgresTestSchema.jdbcUrl(), "postgres", PASSWORD);

    Map<String, Object> row =
        sql.query(
                "select :given as echoed, 'prefix ' || :given as quoted, 42 as answer",
                Map.of("given", PASSWORD))
            .rows()
            .get(0);

    assertThat(row)
        .containsEntry("echoed", "****")
        .containsEntry("quoted", "prefix ****")
        .containsEntry("answer", 42);
  }

  @Test
  void connectionTestOutcomesNeverQuoteThePassword() {
    SqlConnectionTester tester = new SqlConnectionTester();
    List<TestOutcome> outcomes =
        List.of(
            tester.test(sql.connection("MARIADB", MARIADB, "root", PASSWORD).resolved()),
            tester.test(
                sql.connection("POSTGRESQL", "jdbc:mysql://127.0.0.1/test", "postgres", PASSWORD)
                    .resolved()),
            tester.test(
                sql.connection(
                        "POSTGRESQL", "jdbc:postgresql://127.0.0.1:1/test", "postgres", PASSWORD)
                    .resolved()));

    assertThat(outcomes).extracting(TestOutcome::ok).containsOnly(false);
    assertThat(outcomes.get(0).message())
        .startsWith("authentication rejected: ")
        .contains("Access denied");
    assertThat(outcomes)
        .allSatisfy(outcome -> assertThat(outcome.message()).doesNotContain(PASSWORD));
  }

  private Throwable failureOf(String vendor, String jdbcUrl, String user, String statement) {
    sql.connection(vendor, jdbcUrl, user, PASSWORD);
    return catchThrowable(() -> sql.query(statement));
  }

  /** Message, error variables and every cause's message: what the runtime logs or records. */
  private static String everythingSaidBy(Throwable failure) {
    StringBuilder said = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      said.append(t).append('\n');
      if (t instanceof ConnectorException connector && connector.getErrorVariables() != null) {
        said.append(connector.getErrorVariables()).append('\n');
      }
    }
    return said.toString();
  }
}
