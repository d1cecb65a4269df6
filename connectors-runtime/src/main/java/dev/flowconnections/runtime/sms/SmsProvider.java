package dev.flowconnections.runtime.sms;

import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.runtime.worker.ProviderSetting;

/** How an SMS integration sends: its {@code provider} setting, Twilio when unset. */
public enum SmsProvider {
  TWILIO,
  AWS_SNS;

  boolean serves(ResolvedConnection connection) {
    return ProviderSetting.serves(connection, this, TWILIO);
  }

  public static SmsProvider of(ResolvedConnection connection) {
    return ProviderSetting.of(connection, SmsProvider.class, TWILIO);
  }
}
