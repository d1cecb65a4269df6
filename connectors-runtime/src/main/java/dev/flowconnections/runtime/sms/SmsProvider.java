package dev.flowconnections.runtime.sms;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ProviderSetting;

/** How an SMS integration sends: its {@code provider} setting, Twilio when unset. */
enum SmsProvider {
  TWILIO,
  AWS_SNS;

  boolean serves(ResolvedConnection connection) {
    return ProviderSetting.serves(connection, this, TWILIO);
  }

  static SmsProvider of(ResolvedConnection connection) {
    return ProviderSetting.of(connection, SmsProvider.class, TWILIO);
  }
}
