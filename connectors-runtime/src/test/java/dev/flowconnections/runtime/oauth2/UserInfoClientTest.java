package dev.flowconnections.runtime.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which display identity a user info answer yields, and what is never asked. */
@Tag("fast")
class UserInfoClientTest {

  private final ObjectMapper json = new ObjectMapper();
  private final UserInfoClient client = new UserInfoClient(json);

  @Test
  void theEmailIsPreferredThenUsernameNameAndSubject() throws Exception {
    assertThat(identity("{\"sub\":\"u1\",\"name\":\"Alice\",\"email\":\"alice@example.com\"}"))
        .isEqualTo("alice@example.com");
    assertThat(identity("{\"sub\":\"u1\",\"name\":\"Alice\",\"preferred_username\":\"alice\"}"))
        .isEqualTo("alice");
    assertThat(identity("{\"sub\":\"u1\",\"name\":\"Alice\",\"email\":\"  \"}")).isEqualTo("Alice");
    assertThat(identity("{\"sub\":\"u1\",\"email\":42}")).isEqualTo("u1");
  }

  @Test
  void controlCharactersAreBlankedAndLongValuesCut() throws Exception {
    assertThat(identity("{\"email\":\"alice@example.com\\r\\nX-Injected: yes\"}"))
        .isEqualTo("alice@example.com  X-Injected: yes");
    assertThat(identity("{\"name\":\"" + "a".repeat(500) + "\"}"))
        .hasSize(UserInfoClient.MAX_ACCOUNT_LENGTH);
  }

  @Test
  void anAnswerWithoutAnIdentityIsNone() throws Exception {
    assertThat(UserInfoClient.displayIdentity(json.readTree("[\"alice\"]"))).isEmpty();
    assertThat(UserInfoClient.displayIdentity(json.readTree("{\"groups\":[\"admins\"]}")))
        .isEmpty();
    assertThat(UserInfoClient.displayIdentity(null)).isEmpty();
  }

  @Test
  void noEndpointOrARefusedAddressAsksNobody() {
    assertThat(client.account(null, "token")).isEmpty();
    // the cloud metadata address is refused by the network policy before anything is sent
    assertThat(client.account(URI.create("http://169.254.169.254/userinfo"), "token")).isEmpty();
  }

  private String identity(String document) throws Exception {
    return UserInfoClient.displayIdentity(json.readTree(document)).orElseThrow();
  }
}
