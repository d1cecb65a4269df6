package dev.flowconnections.runtime.email;

import static dev.flowconnections.runtime.testsupport.InputRejections.assertInputRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import io.camunda.connector.api.error.ConnectorInputException;
import jakarta.mail.Message.RecipientType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The modeller's allowedRecipients bound what an AI model (or anyone filling to/cc/bcc) can send
 * to: a recipient outside the list is an incident naming it, and nothing is sent, over SendGrid (a
 * recording server) and SMTP (GreenMail) alike. The attacks come first.
 */
@Tag("fast")
class EmailRecipientAllowListTest {

  private static final String ALLOWED = "ann@example.com, @example.com, *.example.org";

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @AutoClose private final RecordingHttpServer sendGrid = RecordingHttpServer.start();
  private final EmailTestFixture fixture =
      new EmailTestFixture().sendGrid(sendGrid.baseUrl(), "SG.key-1234");

  @ParameterizedTest(name = "{0} is refused as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the display name is no address: only what is in <...> counts
        "\"ceo@example.com\" <evil@attacker.test> | evil@attacker.test",
        "=?UTF-8?B?Y2VvQGV4YW1wbGUuY29t?= <evil@attacker.test> | evil@attacker.test",
        "\"=?UTF-8?Q?ceo=40example.com?=\" <evil@attacker.test> | evil@attacker.test",
        // the allowed domain as a prefix or a label of another
        "evil@example.com.attacker.test | evil@example.com.attacker.test",
        "evil@attacker-example.com | evil@attacker-example.com",
        "evil@notexample.com | evil@notexample.com",
        // a domain entry allows that domain only, a *. entry its subdomains only
        "evil@sub.example.com | evil@sub.example.com",
        "evil@example.org | evil@example.org",
        // relaying tricks through the allowed domain's server
        "evil%attacker.test@example.com | evil%attacker.test@example.com",
        "\"evil@attacker.test\"@example.com | \"evil@attacker.test\"@example.com",
        // a look-alike domain (Cyrillic е) and an address literal
        "ann@еxample.com | ann@еxample.com",
        "ann@[127.0.0.1] | ann@[127.0.0.1]",
      })
  void aRecipientOutsideTheListIsRefusedBeforeAnythingIsSent(String recipient, String named) {
    assertRefused(Map.of("to", recipient), named);
  }

  @ParameterizedTest
  @ValueSource(strings = {"to", "cc", "bcc"})
  void oneRefusedAddressPackedAmongAllowedOnesStopsTheWholeMessage(String field) {
    Map<String, Object> changes = new HashMap<>();
    changes.put(field, "evil@attacker.test, x@example.com, \"Ann\" <ann@example.com>");

    assertThatThrownBy(() -> send(changes))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "recipients not allowed by allowedRecipients: evil@attacker.test; nothing was sent");
    assertThat(sendGrid.requests()).isEmpty();
  }

  @Test
  void everyRefusedAddressIsNamedOnce() {
    assertThatThrownBy(
            () ->
                send(
                    Map.of(
                        "to", List.of("a@attacker.test", "ann@example.com"),
                        "cc", "b@attacker.test",
                        "bcc", "A@attacker.test")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "recipients not allowed by allowedRecipients: a@attacker.test, b@attacker.test,"
                + " A@attacker.test; nothing was sent");
  }

  @Test
  void aLineBreakInARecipientIsStillRefusedAsAnInvalidAddress() {
    assertRefused(
        Map.of("to", "ann@example.com\r\nBcc: evil@attacker.test"),
        "to contains an invalid email address");
  }

  @Test
  void allowedRecipientsAreMatchedIgnoringCaseAndDisplayNames() {
    sendGrid.respond(new Reply(202, Map.of(), null));

    send(
        Map.of(
            "to", List.of("\"Ann\" <ANN@Example.COM>", "Bob@EXAMPLE.com"),
            "cc", "kim@eu.Example.ORG",
            "bcc", "audit@deep.sub.example.org"));

    assertThat(sendGrid.requests()).hasSize(1);
    assertThat(sendGrid.lastRequest().body())
        .contains("ANN@Example.COM", "kim@eu.Example.ORG", "audit@deep.sub.example.org");
  }

  @Test
  void aTrailingDotIsIgnoredInTheListAndRefusedInARecipient() {
    sendGrid.respond(new Reply(202, Map.of(), null));
    fixture.send(Map.of("allowedRecipients", "Example.COM.", "to", "bob@example.com"));
    assertThat(sendGrid.requests()).hasSize(1);
    sendGrid.reset();

    // the address parser refuses it before the list is asked
    assertRefused(
        Map.of("to", "bob@example.com."),
        "to contains an invalid email address 'bob@example.com.': Domain ends with dot");
  }

  @Test
  void anExactAddressAllowsThatAddressOnly() {
    Map<String, Object> annOnly = Map.of("allowedRecipients", "ann@example.com");
    sendGrid.respond(new Reply(202, Map.of(), null));
    fixture.send(Map.of("allowedRecipients", "ann@example.com", "to", "Ann@EXAMPLE.com"));
    sendGrid.reset();

    assertInputRejected(
        () -> fixture.send(merge(annOnly, Map.of("to", "bob@example.com"))),
        "recipients not allowed by allowedRecipients: bob@example.com",
        sendGrid);
  }

  @Test
  void internationalizedDomainsCompareInPunycode() {
    sendGrid.respond(new Reply(202, Map.of(), null));

    fixture.send(
        Map.of("allowedRecipients", List.of("bücher.example"), "to", "info@xn--bcher-kva.example"));

    assertThat(sendGrid.requests()).hasSize(1);
    sendGrid.reset();
    assertInputRejected(
        () ->
            fixture.send(
                Map.of(
                    "allowedRecipients",
                    List.of("bücher.example"),
                    "to",
                    "info@xn--bucher-kva.example")),
        "info@xn--bucher-kva.example",
        sendGrid);
  }

  @ParameterizedTest
  @ValueSource(strings = {"example", "*.", "@", "[127.0.0.1]", "a b@example.com", "ex ample.com"})
  void anInvalidEntryOfTheListNamesTheField(String entry) {
    assertInputRejected(
        () -> fixture.send(Map.of("allowedRecipients", List.of("ann@example.com", entry))),
        "allowedRecipients: '" + entry.strip() + "' is not an address",
        sendGrid);
  }

  @Test
  void aListThatNamesNobodyAllowsNobody() {
    assertInputRejected(
        () -> fixture.send(Map.of("allowedRecipients", " , ")),
        "allowedRecipients is set but names no address or domain",
        sendGrid);
    assertInputRejected(
        () -> fixture.send(Map.of("allowedRecipients", List.of())),
        "allowedRecipients is set but names no address or domain",
        sendGrid);
  }

  @Test
  void withoutAListAnyoneMayReceive() {
    sendGrid.respond(new Reply(202, Map.of(), null));

    fixture.send(Map.of("to", "anyone@attacker.test"));

    assertThat(sendGrid.requests()).hasSize(1);
  }

  @Test
  void smtpEnforcesTheSameList() throws Exception {
    EmailTestFixture smtp =
        new EmailTestFixture().smtp(GREEN_MAIL.getSmtp().getPort(), "NONE", null, null);

    assertThatThrownBy(
            () ->
                smtp.send(
                    Map.of(
                        "allowedRecipients",
                        ALLOWED,
                        "to",
                        "\"ann@example.com\" <evil@attacker.test>")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("evil@attacker.test");
    assertThatThrownBy(
            () ->
                smtp.send(
                    Map.of(
                        "allowedRecipients",
                        ALLOWED,
                        "to",
                        "ann@example.com",
                        "bcc",
                        "evil@attacker.test")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("evil@attacker.test");
    assertThat(GREEN_MAIL.getReceivedMessages()).as("nothing reached the server").isEmpty();

    smtp.send(Map.of("allowedRecipients", ALLOWED, "to", "Ann <ann@example.com>"));

    assertThat(GREEN_MAIL.getReceivedMessages())
        .singleElement()
        .satisfies(
            mail ->
                assertThat(mail.getRecipients(RecipientType.TO))
                    .extracting(Object::toString)
                    .containsExactly("Ann <ann@example.com>"));
  }

  private void assertRefused(Map<String, ?> changes, String named) {
    assertInputRejected(() -> send(changes), named, sendGrid);
  }

  /** Sends with {@link #ALLOWED} as the list. */
  private EmailResult send(Map<String, ?> changes) {
    return fixture.send(merge(Map.of("allowedRecipients", ALLOWED), changes));
  }

  private static Map<String, Object> merge(Map<String, ?> first, Map<String, ?> second) {
    Map<String, Object> all = new HashMap<>(first);
    all.putAll(second);
    return all;
  }
}
