package dev.flowconnections.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.connection.ConnectionDraft;
import dev.flowconnections.connection.ConnectionService;
import dev.flowconnections.connection.Visibility;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.integration.IntegrationDraft;
import dev.flowconnections.integration.IntegrationService;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.FlowConnectionsRuntime;
import dev.flowconnections.runtime.testsupport.RuntimeTestSupport;
import dev.flowconnections.sample.support.ConnectionsFixture;
import dev.flowconnections.sample.support.ProcessRecords;
import dev.flowconnections.testsupport.PostgresTestSchema;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code bpmn/sql-connection-example.bpmn} in a QA runtime, against the real PostgreSQL. */
@SpringBootTest(classes = FlowConnectionsRuntime.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SqlProcessTest {

  static final ZeebeTestEngine ENGINE = RuntimeTestSupport.startEngine();
  static final String QA_PASSWORD = "qa-db-password-" + UUID.randomUUID();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    RuntimeTestSupport.register(registry, ENGINE, Environment.QA);
  }

  @Autowired CamundaClient client;
  @Autowired IntegrationService integrations;
  @Autowired ConnectionService connections;

  @Test
  void findsTheCustomersOrdersThroughTheQaConnection() throws Exception {
    try (Connection db = DriverManager.getConnection(PostgresTestSchema.jdbcUrl(), PostgresTestSchema.USER, PostgresTestSchema.PASSWORD);
        Statement st = db.createStatement()) {
      st.execute("create table orders (id int primary key, customer text, item text, quantity int)");
      st.execute("insert into orders values (1, 'ada', 'lamp', 2), (2, 'bob', 'desk', 1), (3, 'ada', 'chair', 4)");
    }
    var integration = integrations.create(ConnectionsFixture.ADMIN, new IntegrationDraft("Orders DB " + UUID.randomUUID(),
        null, null, IntegrationType.DATABASE, null, null, null, null, null,
        Map.of("vendor", "POSTGRESQL", "jdbcUrl", PostgresTestSchema.jdbcUrl()), null, null));
    var connection = connections.create(ConnectionsFixture.ADMIN,
        new ConnectionDraft(integration.id(), "Orders DB " + UUID.randomUUID(), null, Visibility.ORGANIZATION, null));
    connections.putEnvironment(ConnectionsFixture.ADMIN, connection.connection().id(), Environment.QA,
        Map.of("username", PostgresTestSchema.USER, "password", QA_PASSWORD), null);
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/sql-connection-example.bpmn").send().join();

    long instance = client.newCreateInstanceCommand().bpmnProcessId("sql-connection-example").latestVersion()
        .variables(Map.of("connection", connection.connection().key(), "customer", "ada'; drop table orders; --"))
        .send().join().getProcessInstanceKey();
    ProcessRecords records = new ProcessRecords(ENGINE);
    records.awaitCompleted(instance);
    assertThat(records.variables(instance)).containsEntry("orderCount", "0"); // bound, so no injection

    long ada = client.newCreateInstanceCommand().bpmnProcessId("sql-connection-example").latestVersion()
        .variables(Map.of("connection", connection.connection().key(), "customer", "ada")).send().join().getProcessInstanceKey();
    records.awaitCompleted(ada);

    assertThat(records.variables(ada)).containsEntry("orderCount", "2")
        .containsEntry("orders", "[{\"id\":1,\"item\":\"lamp\",\"quantity\":2},{\"id\":3,\"item\":\"chair\",\"quantity\":4}]");
    assertThat(records.allAsJson()).doesNotContain(QA_PASSWORD);
  }
}
