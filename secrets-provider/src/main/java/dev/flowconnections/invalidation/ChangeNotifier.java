package dev.flowconnections.invalidation;

import dev.flowconnections.resolution.ResolutionInputsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Announces a change to every runtime instance. Runs inside the transaction that made the change
 * (the services publish {@link ResolutionInputsChanged} within it): PostgreSQL delivers a {@code
 * NOTIFY} only when that transaction commits and drops it on rollback, so listeners hear of exactly
 * the committed changes. The payload is the organization id, never anything secret.
 *
 * <p>Hooked to the application event rather than to table triggers because the event is already the
 * one signal every write path emits, including credential writes that go to Vault instead of a
 * PostgreSQL row.
 */
public class ChangeNotifier {

  private final JdbcClient jdbc;
  private final ChangeChannel channel;

  public ChangeNotifier(JdbcClient jdbc, ChangeChannel channel) {
    this.jdbc = jdbc;
    this.channel = channel;
  }

  @EventListener
  public void onChange(ResolutionInputsChanged change) {
    jdbc.sql("select pg_notify(:channel, :organization)")
        .param("channel", channel.name())
        .param("organization", change.organizationId())
        .query()
        .singleValue();
  }
}
