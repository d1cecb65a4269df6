package dev.flowconnections.runtime.voice;

import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.runtime.worker.WorkerFunction;
import dev.flowconnections.templates.node.NodeTemplate;
import dev.flowconnections.templates.node.TemplateGroup;
import dev.flowconnections.templates.node.WorkerDescriptor;
import io.camunda.connector.api.annotation.OutboundConnector;

/**
 * The Voice Call task of Flow Connections: calls a phone number through the Twilio account of an
 * SMS connection and speaks a message, in Twilio's voice or the AI Provider connection's; can
 * record the call and have the provider transcribe it.
 *
 * <p>Result: {@link VoiceCallResult} ({@code callId}, {@code status}, {@code durationSeconds},
 * {@code transcript}, {@code recordingDurationSeconds}).
 */
@OutboundConnector(
    name = "Flow Connections Voice Call",
    inputVariables = {
      "connection",
      "telephonyConnection",
      "to",
      "from",
      "message",
      "ringTimeoutSeconds",
      "speech",
      "voice",
      "language",
      "speechModel",
      "record",
      "listenSeconds",
      "transcriptionModel"
    },
    type = VoiceCallFunction.TYPE)
@WorkerDescriptor(
    request = VoiceCallRequest.class,
    connectionType = IntegrationType.AI_PROVIDER,
    groups = {
      @TemplateGroup(id = "call", label = "Call"),
      @TemplateGroup(id = "speech", label = "Speech"),
      @TemplateGroup(id = "answer", label = "Answer")
    },
    nodes = {
      @NodeTemplate(
          id = "voice-call",
          label = "Voice Call",
          description =
              "Call a phone number through Twilio and speak a message; optionally record and"
                  + " transcribe the answer")
    })
public class VoiceCallFunction extends WorkerFunction<VoiceCallRequest> {

  public static final String TYPE = "io.flowconnections:voice-call:1";

  public VoiceCallFunction(VoiceCallService voiceCallService) {
    super((request, context) -> voiceCallService.call(request, context.getJobContext()));
  }
}
