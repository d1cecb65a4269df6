package dev.flowconnections.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ResolvedConnection;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL a connection reaches its database at, when its parts come from the connection. */
@Tag("fast")
class JdbcUrlsTest {

  @Test
  void buildsEachVendorsUrlFromHostPortAndDatabase() {
    assertThat(url(Map.of("vendor", "POSTGRESQL", "host", "localhost", "database", "orders")))
        .isEqualTo("jdbc:postgresql://localhost:5432/orders");
    assertThat(url(Map.of("vendor", "MARIADB", "host", "10.0.0.5", "port", 3307, "database", "x")))
        .isEqualTo("jdbc:mariadb://10.0.0.5:3307/x");
    assertThat(url(Map.of("vendor", "SQLSERVER", "host", "127.0.0.2", "database", "sales")))
        .isEqualTo("jdbc:sqlserver://127.0.0.2:1433;databaseName=sales");
    assertThat(url(Map.of("vendor", "ORACLE", "host", "127.0.0.3", "database", "ORCLPDB1.example")))
        .isEqualTo("jdbc:oracle:thin:@//127.0.0.3:1521/ORCLPDB1.example");
    assertThat(url(Map.of("vendor", "POSTGRESQL", "host", "[::1]", "port", "6543")))
        .isEqualTo("jdbc:postgresql://[::1]:6543/");
  }

  @Test
  void theIntegrationsJdbcUrlWins() {
    assertThat(
            url(
                Map.of(
                    "vendor", "POSTGRESQL",
                    "jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/app",
                    "host", "ignored")))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/app");
  }

  /** A part must never add a driver parameter: socketFactory makes PostgreSQL load a class. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "db.internal/x?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext",
        "db.internal:5432",
        "db.internal;integratedSecurity=true",
        "user@db.internal",
        ""
      })
  void refusesAHostThatIsNoHostName(String host) {
    assertThatThrownBy(() -> url(Map.of("vendor", "POSTGRESQL", "host", host)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("host ")
        .hasMessageNotContaining("socketFactory");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "orders?socketFactory=x",
        "orders;databaseName=master",
        "orders&sslmode=disable",
        "../orders"
      })
  void refusesADatabaseNameThatCarriesParameters(String database) {
    assertThatThrownBy(
            () -> url(Map.of("vendor", "POSTGRESQL", "host", "db", "database", database)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("database ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "5432/x", "54.5", "-1"})
  void refusesAPortOutsideItsRange(String port) {
    assertThatThrownBy(
            () -> url(Map.of("vendor", "POSTGRESQL", "host", "db", "port", port, "database", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("port ");
  }

  @Test
  void refusesAnSqliteFileNamedByAConnectionAndAnOracleWithoutService() {
    // a USER's connection must not choose a file on the runtime's host (open, create, overwrite)
    assertThatThrownBy(() -> url(Map.of("vendor", "SQLITE", "database", "/var/data/app.db")))
        .hasMessageStartingWith("jdbcUrl is required for SQLite");
    assertThatThrownBy(() -> url(Map.of("vendor", "SQLITE", "database", "app.db?open_mode=1")))
        .hasMessageStartingWith("jdbcUrl is required for SQLite");
    assertThatThrownBy(() -> url(Map.of("vendor", "ORACLE", "host", "127.0.0.3")))
        .hasMessageStartingWith("database ");
  }

  private static String url(Map<String, Object> settings) {
    return JdbcUrls.forConnection(
        new ResolvedConnection(
            "orders-db",
            "Orders DB",
            IntegrationType.DATABASE,
            AuthScheme.NONE,
            Environment.DEVELOPMENT,
            settings,
            SecretValues.empty()));
  }
}
