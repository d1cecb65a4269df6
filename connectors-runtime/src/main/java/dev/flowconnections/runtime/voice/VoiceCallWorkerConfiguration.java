package dev.flowconnections.runtime.voice;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.runtime.sms.TwilioMessages;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the Voice Call worker (the connector runtime opens a job worker for the function bean)
 * and the store of provider speech that {@link VoiceAudioController} serves to Twilio.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VoiceSettings.class)
public class VoiceCallWorkerConfiguration {

  /** The connectors' own mapper settings, not the web API's. */
  private static final ObjectMapper JSON = ConnectorsObjectMapperSupplier.getCopy();

  @Bean
  VoiceAudio voiceAudio(VoiceSettings settings) {
    return new VoiceAudio(Clock.systemUTC(), settings.audioTtl());
  }

  @Bean
  VoiceCallService voiceCallService(
      WorkerConnections connections,
      ProviderHttp http,
      VoiceAudio voiceAudio,
      VoiceSettings settings) {
    return new VoiceCallService(
        connections,
        new TwilioMessages(http, JSON),
        new SpeechClient(http, JSON),
        voiceAudio,
        settings,
        Clock.systemUTC(),
        duration -> Thread.sleep(duration));
  }

  @Bean
  VoiceCallFunction voiceCallFunction(VoiceCallService voiceCallService) {
    return new VoiceCallFunction(voiceCallService);
  }
}
