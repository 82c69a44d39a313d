package io.paperwire.summarize;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.nio.file.Path;

/**
 * Builds the summariser {@code paperwire.llm.provider} names: the embedded extractive one, or a LangChain4j chat
 * model for OpenAI (and any OpenAI-compatible server through {@code paperwire.llm.base-url}), Anthropic or Ollama.
 * LangChain4j's own retries are off ({@code maxRetries(0)}) and its HTTP client is {@link LlmHttpClient}, so the
 * per-call timeout and the retries of {@link LlmSummarizer} are the only ones. Requests and answers are not logged
 * (the API key travels in a header).
 */
public final class ChatModels {

    static final String OPENAI_URL = "https://api.openai.com/v1";
    static final String ANTHROPIC_URL = "https://api.anthropic.com/v1/";
    static final String OLLAMA_URL = "http://127.0.0.1:11434";

    private ChatModels() {}

    public static Summarizer summarizer(LlmSettings settings, Path templatesFolder) {
        if (!settings.usesLlm()) {
            return new ExtractiveSummarizer();
        }
        PromptTemplate prompt = PromptTemplate.load(templatesFolder);
        return new LlmSummarizer(chatModel(settings), settings.provider() + ":" + settings.model(),
                !"anthropic".equals(settings.provider()), prompt, settings);
    }

    public static ChatModel chatModel(LlmSettings s) {
        String key = s.apiKey().isPresent() ? s.apiKey().value() : "not-needed";
        return switch (s.provider()) {
            case "openai" -> OpenAiChatModel.builder()
                    .baseUrl(orDefault(s.baseUrl(), OPENAI_URL))
                    .apiKey(key)
                    .modelName(s.model())
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .httpClientBuilder(LlmHttpClient.builder(s.timeout()))
                    .logRequests(false).logResponses(false)
                    .build();
            case "anthropic" -> AnthropicChatModel.builder()
                    .baseUrl(orDefault(s.baseUrl(), ANTHROPIC_URL))
                    .apiKey(key)
                    .modelName(s.model())
                    .maxTokens(s.maxOutputTokens())
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .httpClientBuilder(LlmHttpClient.builder(s.timeout()))
                    .logRequests(false).logResponses(false)
                    .build();
            case "ollama" -> OllamaChatModel.builder()
                    .baseUrl(orDefault(s.baseUrl(), OLLAMA_URL))
                    .modelName(s.model())
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .httpClientBuilder(LlmHttpClient.builder(s.timeout()))
                    .logRequests(false).logResponses(false)
                    .build();
            default -> throw new IllegalArgumentException("unknown LLM provider '" + s.provider()
                    + "'; choose extractive, openai, anthropic or ollama");
        };
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
