package dev.flowconnections.runtime.voice;

import dev.flowconnections.credential.SecretValues;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.ConnectionResolutionException;
import dev.flowconnections.resolution.ConnectionResolver;
import dev.flowconnections.resolution.ResolvedConnection;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.sms.TwilioMessages;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * A Voice Call worker with a Twilio connection ({@value #PHONE}) and an AI Provider connection
 * ({@value #SPEECH}), handed out by a fixed resolver and pointed at local stand-ins. Polls every
 * few milliseconds, so a test waits only as long as its stand-in makes the call last.
 */
final class VoiceTestFixture {

  static final String PHONE = "alerts-phone";
  static final String SPEECH = "speech-ai";
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String PUBLIC_BASE_URL = "https://flow.example.com";

  final Map<String, ResolvedConnection> connections = new HashMap<>();
  final VoiceAudio audio = new VoiceAudio(Clock.systemUTC(), Duration.ofMinutes(10));
  VoiceSettings settings =
      new VoiceSettings(
          URI.create(PUBLIC_BASE_URL),
          Duration.ofMinutes(10),
          Duration.ofMillis(5),
          Duration.ofMillis(20),
          Duration.ofSeconds(20),
          DataSize.ofMegabytes(1));

  final ConnectionResolver resolver =
      (organizationId, key, environment, caller) -> {
        ResolvedConnection connection = connections.get(key);
        if (connection == null) {
          throw new ConnectionResolutionException("connection '" + key + "' does not exist");
        }
        return connection;
      };

  VoiceTestFixture twilio(String baseUrl, String authToken) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("provider", "TWILIO");
    settings.put(FieldCatalog.BASE_URL, baseUrl);
    settings.put("fromNumber", "+15550001111");
    settings.put("accountSid", ACCOUNT_SID);
    return connection(
        PHONE, IntegrationType.SMS, AuthScheme.NONE, settings, Map.of("authToken", authToken));
  }

  VoiceTestFixture speech(String provider, String baseUrl, String apiKey) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("provider", provider);
    settings.put(FieldCatalog.BASE_URL, baseUrl);
    return connection(
        SPEECH,
        IntegrationType.AI_PROVIDER,
        AuthScheme.API_KEY,
        settings,
        Map.of(FieldCatalog.API_KEY, apiKey));
  }

  VoiceTestFixture connection(
      String key,
      IntegrationType type,
      AuthScheme scheme,
      Map<String, Object> settings,
      Map<String, ?> secrets) {
    connections.put(
        key,
        new ResolvedConnection(
            key,
            key + " integration",
            type,
            scheme,
            Environment.DEVELOPMENT,
            settings,
            SecretValues.of(secrets)));
    return this;
  }

  VoiceTestFixture withoutPublicBaseUrl() {
    settings =
        new VoiceSettings(
            null,
            settings.audioTtl(),
            settings.pollInterval(),
            settings.maxPollInterval(),
            settings.maxCallTime(),
            settings.maxRecordingSize());
    return this;
  }

  VoiceTestFixture maxCallTime(Duration maxCallTime) {
    settings =
        new VoiceSettings(
            settings.publicBaseUrl(),
            settings.audioTtl(),
            settings.pollInterval(),
            settings.maxPollInterval(),
            maxCallTime,
            settings.maxRecordingSize());
    return this;
  }

  /** A task that is valid as it is: Twilio's voice, not recorded. */
  static Map<String, Object> validTask() {
    Map<String, Object> task = new HashMap<>();
    task.put("connection", SPEECH);
    task.put("telephonyConnection", PHONE);
    task.put("to", "+4915112345678");
    task.put("message", "Your parcel arrives today.");
    task.put("speech", "twilio");
    return task;
  }

  /** Runs the worker on {@link #validTask()} with {@code changes} laid over it (null clears). */
  VoiceCallResult call(Map<String, ?> changes) {
    Map<String, Object> task = validTask();
    task.putAll(changes);
    return (VoiceCallResult)
        new VoiceCallFunction(service())
            .execute(new WorkerTestContext(VoiceCallFunction.TYPE, task));
  }

  VoiceCallService service() {
    return service(
        new WorkerConnections(resolver, new RuntimeEnvironment(Environment.DEVELOPMENT, "default")),
        settings);
  }

  VoiceCallService service(WorkerConnections workerConnections, VoiceSettings settings) {
    ProviderHttp http = new ProviderHttp();
    return new VoiceCallService(
        workerConnections,
        new TwilioMessages(http, ConnectorsObjectMapperSupplier.getCopy()),
        new SpeechClient(http, ConnectorsObjectMapperSupplier.getCopy()),
        audio,
        settings,
        Clock.systemUTC(),
        duration -> Thread.sleep(duration));
  }
}
