package dev.flowconnections.runtime.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowconnections.environment.Environment;
import dev.flowconnections.fields.FieldCatalog;
import dev.flowconnections.integration.AuthScheme;
import dev.flowconnections.integration.IntegrationType;
import dev.flowconnections.resolution.RuntimeEnvironment;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.RecordedRequest;
import dev.flowconnections.runtime.testsupport.RecordingHttpServer.Reply;
import dev.flowconnections.runtime.testsupport.StaticResolver;
import dev.flowconnections.runtime.testsupport.WorkerTestContext;
import dev.flowconnections.runtime.worker.ProviderHttp;
import dev.flowconnections.runtime.worker.WorkerConnections;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An AI Agent worker with one AI Provider connection (key {@value #KEY}) that a fixed resolver
 * hands out, pointed at a local server, and tools the test chooses for any MCP connection key.
 */
final class AiTestFixture {

  static final String KEY = "assistant-ai";
  static final ObjectMapper JSON = ConnectorsObjectMapperSupplier.getCopy();

  final StaticResolver resolver = new StaticResolver();
  AgentTools tools = AgentTools.NONE;
  final List<String> openedToolConnections = new ArrayList<>();

  /**
   * An integration of {@code provider} at {@code baseUrl} whose connection holds {@code apiKey}
   * (API key scheme).
   */
  AiTestFixture provider(String provider, String baseUrl, String apiKey) {
    return provider(provider, baseUrl, AuthScheme.API_KEY, Map.of(FieldCatalog.API_KEY, apiKey));
  }

  AiTestFixture provider(
      String provider, String baseUrl, AuthScheme scheme, Map<String, ?> secrets) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("provider", provider);
    settings.put(FieldCatalog.BASE_URL, baseUrl);
    settings.put("defaultModel", "default-model-1");
    resolver.connection(KEY, IntegrationType.AI_PROVIDER, scheme, settings, secrets);
    return this;
  }

  /** A task that is valid as it is, through {@link #KEY}. */
  static Map<String, Object> validTask() {
    Map<String, Object> task = new HashMap<>();
    task.put("connection", KEY);
    task.put("systemPrompt", "You sort support tickets.");
    task.put("userPrompt", "Printer on fire, please help");
    return task;
  }

  /**
   * Runs the worker on {@link #validTask()} with {@code changes} laid over it (a null value
   * clears).
   */
  AiResult ask(Map<String, ?> changes) {
    Map<String, Object> task = validTask();
    task.putAll(changes);
    return (AiResult)
        new AiFunction(service()).execute(new WorkerTestContext(AiFunction.TYPE, task));
  }

  AiService service() {
    return new AiService(
        new WorkerConnections(resolver, new RuntimeEnvironment(Environment.DEVELOPMENT, "default")),
        new ModelClient(new ProviderHttp(), JSON),
        (key, tenant) -> {
          openedToolConnections.add(key);
          return tools;
        },
        JSON);
  }

  AiConnectionTester tester() {
    return new AiConnectionTester(new ModelClient(new ProviderHttp(), JSON), JSON);
  }

  static JsonNode body(RecordedRequest request) {
    try {
      return JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} as the inside of a JSON string literal. */
  static String escaped(String text) {
    try {
      String literal = JSON.writeValueAsString(text);
      return literal.substring(1, literal.length() - 1);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A 200 answer in a provider's documented {@code shape} (whose one {@code %s} is the text),
   * saying {@code text}.
   */
  static Reply answer(String shape, String text) {
    return Reply.json(200, shape.formatted(escaped(text)));
  }

  /** Answers the requests with {@code replies} in order; a request beyond them gets a 500. */
  static Function<RecordedRequest, Reply> inOrder(Reply... replies) {
    Deque<Reply> queue = new ArrayDeque<>(List.of(replies));
    return request -> {
      Reply next = queue.poll();
      return next == null
          ? Reply.json(500, "{\"error\":{\"message\":\"no more replies scripted\"}}")
          : next;
    };
  }
}
