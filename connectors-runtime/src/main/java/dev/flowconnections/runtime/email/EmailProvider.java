package dev.flowconnections.runtime.email;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ProviderSetting;

/** How an Email integration sends: its {@code provider} setting, SMTP when unset. */
enum EmailProvider {
  SMTP,
  SENDGRID;

  boolean serves(ResolvedConnection connection) {
    return ProviderSetting.serves(connection, this, SMTP);
  }

  static EmailProvider of(ResolvedConnection connection) {
    return ProviderSetting.of(connection, EmailProvider.class, SMTP);
  }
}
