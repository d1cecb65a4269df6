package dev.flowconnections.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.resolution.CachingConnectionResolver;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolutionException.Reason;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.scope.RuntimeCaller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Outcomes and cache results as the caching resolver counts them; no database needed. */
@Tag("fast")
class ResolutionMetricsTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final ConnectionResolver delegate =
      (org, key, environment, caller) -> {
        throw failure.get();
      };

  @Test
  void failuresAreCountedByOutcomeAndAreAlwaysMisses() {
    CachingConnectionResolver resolver =
        new CachingConnectionResolver(
            delegate, Duration.ofMinutes(1), 10, new ResolutionMetrics(meters));
    resolveFailing(
        resolver,
        new ConnectionResolutionException(Reason.NOT_FOUND, "connection 'a' does not exist"));
    resolveFailing(
        resolver, new ConnectionResolutionException(Reason.NO_CREDENTIALS, "no credentials"));
    resolveFailing(resolver, new ConnectionResolutionException("deleted integration"));
    resolveFailing(resolver, new CredentialStoreUnavailableException("vault is down", null));
    resolveFailing(resolver, new IllegalStateException("bug"));

    assertThat(outcome("not_found")).isEqualTo(1);
    assertThat(outcome("no_credentials")).isEqualTo(1);
    assertThat(outcome("unusable")).isEqualTo(1);
    assertThat(outcome("store_unavailable")).isEqualTo(1);
    assertThat(outcome("error")).isEqualTo(1);
    assertThat(meters.get(ResolutionMetrics.CACHE).tag("result", "miss").counter().count())
        .isEqualTo(5);
  }

  @Test
  void aProcessScopeRefusalIsItsOwnOutcome() {
    assertThat(
            ResolutionMetrics.outcome(
                new dev.flowconnections.scope.ProcessScopeException(
                    "refused", dev.flowconnections.audit.AuditSubject.CONNECTION, "a")))
        .isEqualTo("refused");
  }

  private void resolveFailing(CachingConnectionResolver resolver, RuntimeException cause) {
    failure.set(cause);
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    "org-1", "secret-looking-key", Environment.DEVELOPMENT, RuntimeCaller.PERSON))
        .isSameAs(cause);
  }

  private double outcome(String outcome) {
    return meters
        .get(ResolutionMetrics.RESOLUTIONS)
        .tag("organization", "org-1")
        .tag("outcome", outcome)
        .counter()
        .count();
  }
}
