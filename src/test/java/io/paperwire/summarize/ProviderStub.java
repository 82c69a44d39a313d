package io.paperwire.summarize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.settings.PaperwireSettings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Each LLM provider as WireMock plays it: the path its LangChain4j model posts to and an answer in its real wire
 * format (OpenAI chat completions, Anthropic messages, Ollama {@code /api/chat}) carrying the given text.
 */
enum ProviderStub {
    OPENAI("openai", "/v1/chat/completions", "/v1"),
    ANTHROPIC("anthropic", "/v1/messages", "/v1/"),
    OLLAMA("ollama", "/api/chat", "");

    private static final ObjectMapper JSON = new ObjectMapper();

    final String provider;
    final String path;
    final String basePath;

    ProviderStub(String provider, String path, String basePath) {
        this.provider = provider;
        this.path = path;
        this.basePath = basePath;
    }

    LlmSettings settings(String serverUrl, Duration timeout, int maxRetries) {
        return new LlmSettings(provider, serverUrl + basePath, "test-model", new PaperwireSettings.Secret("sk-test-secret"),
                4, 0, timeout, maxRetries, Duration.ofMillis(20), Duration.ofSeconds(30), 800, 0, 0,
                Map.of("test-model", new LlmSettings.Price(1.0, 2.0)));
    }

    LlmSummarizer summarizer(LlmSettings settings) {
        return (LlmSummarizer) ChatModels.summarizer(settings, java.nio.file.Path.of("no-templates-here"));
    }

    /** A successful answer whose text is {@code content}, using 100 tokens in and 50 out. */
    String answer(String content) {
        Map<String, Object> body = switch (this) {
            case OPENAI -> Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1747163257,
                    "model", "test-model",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", 100, "completion_tokens", 50, "total_tokens", 150));
            case ANTHROPIC -> Map.of("id", "msg_1", "type", "message", "role", "assistant", "model", "test-model",
                    "content", List.of(Map.of("type", "text", "text", content)),
                    "stop_reason", "end_turn",
                    "usage", Map.of("input_tokens", 100, "output_tokens", 50));
            case OLLAMA -> Map.of("model", "test-model", "created_at", "2024-05-20T10:00:00.000000Z",
                    "message", Map.of("role", "assistant", "content", content), "done", true,
                    "prompt_eval_count", 100, "eval_count", 50);
        };
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
