package dev.flowconnections.templates;

import dev.flowconnections.resolution.ResolutionInputsChanged;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes an organization's templates shortly after its integrations or connections change. A
 * burst of changes (a wizard saving four environments) becomes one publication: each change
 * restarts the delay.
 */
public class AutoPublisher implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(AutoPublisher.class);
  static final String PUBLISHER = "auto-publish";

  private final TemplatePublisher publisher;
  private final Duration delay;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "template-auto-publish"));
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

  public AutoPublisher(TemplatePublisher publisher, Duration delay) {
    this.publisher = publisher;
    this.delay = delay;
  }

  @TransactionalEventListener(fallbackExecution = true)
  public void onChange(ResolutionInputsChanged change) {
    String organizationId = change.organizationId();
    pending.compute(
        organizationId,
        (org, previous) -> {
          if (previous != null) {
            previous.cancel(false);
          }
          return scheduler.schedule(() -> publish(org), delay.toMillis(), TimeUnit.MILLISECONDS);
        });
  }

  private void publish(String organizationId) {
    try {
      TemplatePublisher.Publication publication = publisher.publish(organizationId, PUBLISHER);
      LOG.info(
          "Auto-published element templates of '{}': {} changed",
          organizationId,
          publication.changedCount());
    } catch (RuntimeException e) {
      LOG.warn(
          "Auto-publishing element templates of '{}' failed: {}", organizationId, e.getMessage());
    }
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
  }
}
