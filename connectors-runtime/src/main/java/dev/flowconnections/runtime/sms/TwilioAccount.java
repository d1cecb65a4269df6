package dev.flowconnections.runtime.sms;

import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.JobFailures;
import dev.flowconnections.runtime.worker.ProviderUrls;
import dev.flowconnections.runtime.worker.WorkerConnections;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A Twilio account as a connection reaches it. {@link #toString()} hides the token.
 *
 * @param baseUrl {@value #DEFAULT_BASE_URL} unless the integration overrides it
 */
public record TwilioAccount(String baseUrl, String accountSid, String authToken) {

  static final String DEFAULT_BASE_URL = "https://api.twilio.com";

  public static TwilioAccount of(ResolvedConnection connection) {
    try {
      String accountSid = connection.requireText("accountSid").strip();
      // The SID becomes part of the URL path: letters and digits only, so it cannot point
      // elsewhere.
      if (!accountSid.matches("[A-Za-z0-9]{2,64}")) {
        throw JobFailures.connectionProblem(
            "connection '"
                + connection.key()
                + "' has an 'accountSid' in "
                + connection.environment()
                + " that is not letters and digits like AC0123…");
      }
      return new TwilioAccount(
          ProviderUrls.baseUrl(connection, DEFAULT_BASE_URL),
          accountSid,
          connection.requireText("authToken"));
    } catch (ConnectionResolutionException e) {
      throw WorkerConnections.configurationProblem(e);
    }
  }

  public String authorization() {
    return "Basic " + encodedCredentials();
  }

  /** base64 of SID:token, as it goes over the wire: masked like the token itself. */
  public String encodedCredentials() {
    return Base64.getEncoder()
        .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code {base}/2010-04-01/Accounts/{sid}}: the account's resource, parent of its messages. */
  public String accountUrl() {
    return baseUrl + "/2010-04-01/Accounts/" + accountSid;
  }

  @Override
  public String toString() {
    return "TwilioAccount[" + baseUrl + ", " + accountSid + ", token hidden]";
  }
}
