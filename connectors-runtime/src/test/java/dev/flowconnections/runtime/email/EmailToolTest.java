package dev.flowconnections.runtime.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An Email Tool (the task header agentTool, set by its template) lets an AI model fill the
 * recipients, so it sends only within the allowedRecipients the modeller sets: without them,
 * nothing is sent.
 */
@Tag("fast")
class EmailToolTest {

  private static final Map<String, String> TOOL = Map.of("agentTool", "true");

  @AutoClose private final RecordingHttpServer sendGrid = RecordingHttpServer.start();
  private final EmailTestFixture fixture =
      new EmailTestFixture().sendGrid(sendGrid.baseUrl(), "SG.key-1234");

  @Test
  void aToolWithoutAllowedRecipientsIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> send(Map.of("to", "anyone@attacker.test"), TOOL))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("allowedRecipients: an Email Tool sends only to the addresses");
    assertThat(sendGrid.requests()).isEmpty();
  }

  @Test
  void aToolSendsWithinItsAllowedRecipients() {
    sendGrid.respond(new Reply(202, Map.of(), null));

    send(Map.of("to", "ann@example.com", "allowedRecipients", "@example.com"), TOOL);

    assertThat(sendGrid.requests()).hasSize(1);
  }

  @Test
  void aPlainTaskNeedsNoAllowList() {
    sendGrid.respond(new Reply(202, Map.of(), null));

    send(Map.of("to", "anyone@elsewhere.test"), Map.of());

    assertThat(sendGrid.requests()).hasSize(1);
  }

  private void send(Map<String, ?> changes, Map<String, String> headers) {
    Map<String, Object> task = new HashMap<>(EmailTestFixture.validTask());
    task.putAll(changes);
    fixture.function().execute(WorkerTestContext.withHeaders(EmailFunction.TYPE, task, headers));
  }
}
