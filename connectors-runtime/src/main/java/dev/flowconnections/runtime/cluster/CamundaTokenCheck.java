package dev.flowconnections.runtime.cluster;

import io.camunda.client.CredentialsProvider;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the Camunda client's own credentials provider for a token, the way each gRPC call does. When
 * that fails the client itself only cancels its calls ("CANCELLED" with the cause deep in a stack
 * trace, again on every job poll), so this says once, in one line, which setting to check. The line
 * names the token URL and the client id, never the secret.
 *
 * <p>Logs the outcome of the first check and of every change; the readiness indicator runs it on
 * each probe, so a secret rotated wrongly later is reported too.
 */
public final class CamundaTokenCheck {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaTokenCheck.class);
  // the client's only account of a refusal: "Failed while requesting access token with status code
  // 401 ..."
  private static final Pattern STATUS = Pattern.compile("status code (\\d{3})");

  private final CredentialsProvider credentials;
  private final String tokenUrl;
  private final String clientId;
  private final String credentialsCacheDirectory;
  private volatile Optional<String> lastOutcome;

  /**
   * @param tokenUrl the configured token endpoint, null when the client does not use OIDC
   * @param clientId the configured client id, for the message only
   * @param credentialsCachePath the file the client keeps its tokens in (it must be writable)
   */
  public CamundaTokenCheck(
      CredentialsProvider credentials, URI tokenUrl, String clientId, String credentialsCachePath) {
    this.credentials = credentials;
    this.tokenUrl = tokenUrl == null ? "(no token URL)" : withoutUserInfoAndQuery(tokenUrl);
    this.clientId = clientId;
    Path cacheDirectory =
        credentialsCachePath == null
            ? null
            : Path.of(credentialsCachePath).toAbsolutePath().getParent();
    this.credentialsCacheDirectory = cacheDirectory == null ? null : cacheDirectory.toString();
  }

  /**
   * @return empty when the client has a token (or needs none); otherwise the one line that says why
   *     not
   */
  public Optional<String> problem() {
    Optional<String> problem;
    try {
      credentials.applyCredentials((name, value) -> {});
      problem = Optional.empty();
    } catch (IOException | RuntimeException e) {
      problem =
          Optional.of("Camunda client could not get a token from " + tokenUrl + ": " + explain(e));
    }
    report(problem);
    return problem;
  }

  private void report(Optional<String> problem) {
    Optional<String> previous = lastOutcome;
    lastOutcome = problem;
    if (Objects.equals(previous, problem)) {
      return;
    }
    problem.ifPresentOrElse(
        LOG::error,
        () -> {
          if (previous != null) {
            LOG.info("Camunda client got a token from {} again", tokenUrl);
          }
        });
  }

  private String explain(Exception e) {
    Throwable cause = rootOf(e);
    // the client writes every new token to its cache file and fails the call when it cannot
    if (cause instanceof FileSystemException
        || (credentialsCacheDirectory != null
            && String.valueOf(cause.getMessage()).contains(credentialsCacheDirectory))) {
      return "its token cache file cannot be written ("
          + cause.getMessage()
          + ")"
          + " — set CAMUNDA_CLIENT_AUTH_CREDENTIALSCACHEPATH to a writable file";
    }
    if (cause instanceof SSLException) {
      return "TLS failed ("
          + cause.getMessage()
          + ")"
          + " — the identity provider's CA goes into CAMUNDA_CLIENT_AUTH_TRUSTSTOREPATH";
    }
    if (cause instanceof ConnectException
        || cause instanceof UnknownHostException
        || cause instanceof SocketTimeoutException) {
      return "the token endpoint cannot be reached ("
          + cause.getClass().getSimpleName()
          + ")"
          + " — check CAMUNDA_CLIENT_AUTH_TOKENURL";
    }
    Matcher status = STATUS.matcher(String.valueOf(e.getMessage()));
    if (status.find()) {
      int code = Integer.parseInt(status.group(1));
      if (code == 400 || code == 401 || code == 403) {
        return "the identity provider refused the client credentials of client '"
            + clientId
            + "' (HTTP "
            + code
            + ")"
            + " — check CAMUNDA_CLIENT_AUTH_CLIENTID and CAMUNDA_CLIENT_AUTH_CLIENTSECRET"
            + " (and CAMUNDA_CLIENT_AUTH_AUDIENCE / CAMUNDA_CLIENT_AUTH_SCOPE if your provider checks them)";
      }
      return "the token endpoint answered HTTP " + code + " — check CAMUNDA_CLIENT_AUTH_TOKENURL";
    }
    return e.getClass().getSimpleName() + " (" + e.getMessage() + ")";
  }

  private static Throwable rootOf(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String withoutUserInfoAndQuery(URI uri) {
    if (uri.getScheme() == null || uri.getHost() == null) {
      return uri.getPath() == null ? "(token URL not shown)" : uri.getPath();
    }
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
