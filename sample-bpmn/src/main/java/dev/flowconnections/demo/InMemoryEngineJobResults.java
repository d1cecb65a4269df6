package dev.flowconnections.demo;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.JobResultActivateElement;
import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.job.JobRecord;
import io.camunda.zeebe.protocol.impl.record.value.job.JobResult;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobResultType;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.lang.reflect.Field;
import java.util.Locale;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Makes the in-memory engine complete an AI agent's ad-hoc sub-process job with its result, as a
 * real Camunda 8.8 cluster does.
 *
 * <p>The in-memory engine's gRPC gateway maps only a completed job's variables and drops its
 * result, so an ad-hoc sub-process job completed with "activate these elements" activates nothing
 * there ({@code InMemoryEngineJobResultsTest} shows it). Camunda's own gateway copies the result
 * into the job's COMPLETE command. This client interceptor does that copy: a CompleteJob call
 * carrying an ad-hoc sub-process result is written to the engine's log as that command (the engine
 * itself is the real one and processes it as on a cluster); every other call goes through the
 * gateway unchanged. For the demo and the tests only: a runtime talking to a cluster has no such
 * bean.
 */
public final class InMemoryEngineJobResults implements ClientInterceptor {

  private static final String COMPLETE_JOB = GatewayGrpc.getCompleteJobMethod().getFullMethodName();

  private final LogStreamWriter log;

  public InMemoryEngineJobResults(ZeebeTestEngine engine) {
    this.log = logOf(engine).newLogStreamWriter();
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    if (!method.getFullMethodName().equals(COMPLETE_JOB)) {
      return next.newCall(method, options);
    }
    return new CompleteJobCall<>(method, options, next);
  }

  static boolean carriesAdHocResult(CompleteJobRequest request) {
    return request.hasResult()
        && request
            .getResult()
            .getType()
            .replace("_", "")
            .toLowerCase(Locale.ROOT)
            .equals("adhocsubprocess");
  }

  /** Writes the COMPLETE command the real gateway would write for {@code request}. */
  private boolean write(CompleteJobRequest request) {
    JobResult result =
        new JobResult()
            .setType(JobResultType.AD_HOC_SUB_PROCESS)
            .setCompletionConditionFulfilled(
                request.getResult().getIsCompletionConditionFulfilled())
            .setCancelRemainingInstances(request.getResult().getIsCancelRemainingInstances());
    for (JobResultActivateElement element : request.getResult().getActivateElementsList()) {
      var activation =
          new io.camunda.zeebe.protocol.impl.record.value.job.JobResultActivateElement()
              .setElementId(element.getElementId());
      if (!element.getVariables().isEmpty()) {
        activation.setVariables(msgPack(element.getVariables()));
      }
      result.addActivateElement(activation);
    }
    JobRecord job = new JobRecord();
    job.setResult(result);
    if (!request.getVariables().isEmpty()) {
      job.setVariables(msgPack(request.getVariables()));
    }
    RecordMetadata metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .valueType(ValueType.JOB)
            .intent(JobIntent.COMPLETE);
    return log.tryWrite(
            WriteContext.internal(), LogAppendEntry.of(request.getJobKey(), metadata, job))
        .isRight();
  }

  private static UnsafeBuffer msgPack(String json) {
    return new UnsafeBuffer(MsgPackConverter.convertToMsgPack(json));
  }

  /** The engine's log; the test engine's API does not expose it. */
  private static LogStream logOf(ZeebeTestEngine engine) {
    try {
      Field field = engine.getClass().getDeclaredField("logStream");
      field.setAccessible(true);
      return (LogStream) field.get(engine);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "this version of zeebe-process-test-engine keeps its log elsewhere", e);
    }
  }

  /**
   * A CompleteJob call that decides on its one message: answered here for an ad-hoc result,
   * otherwise handed to the gateway as it came.
   */
  private final class CompleteJobCall<Q, R> extends ClientCall<Q, R> {

    private final MethodDescriptor<Q, R> method;
    private final CallOptions options;
    private final Channel next;
    private Listener<R> listener;
    private Metadata headers;
    private int requested;
    private ClientCall<Q, R> gateway;
    private CompleteJobRequest local;

    CompleteJobCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      this.method = method;
      this.options = options;
      this.next = next;
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
      this.listener = listener;
      this.headers = headers;
    }

    @Override
    public void request(int messages) {
      if (gateway != null) {
        gateway.request(messages);
      } else {
        requested += messages;
      }
    }

    @Override
    public void sendMessage(Q message) {
      if (message instanceof CompleteJobRequest request && carriesAdHocResult(request)) {
        local = request;
        return;
      }
      gateway = next.newCall(method, options);
      gateway.start(listener, headers);
      if (requested > 0) {
        gateway.request(requested);
      }
      gateway.sendMessage(message);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void halfClose() {
      if (gateway != null) {
        gateway.halfClose();
        return;
      }
      if (local != null && write(local)) {
        listener.onHeaders(new Metadata());
        listener.onMessage((R) CompleteJobResponse.getDefaultInstance());
        listener.onClose(Status.OK, new Metadata());
      } else {
        listener.onClose(
            Status.UNAVAILABLE.withDescription("the in-memory engine's log refused the command"),
            new Metadata());
      }
    }

    @Override
    public void cancel(String message, Throwable cause) {
      if (gateway != null) {
        gateway.cancel(message, cause);
      }
    }
  }
}
