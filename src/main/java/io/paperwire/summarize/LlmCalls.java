package io.paperwire.summarize;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.paperwire.common.Backoff;
import io.paperwire.common.RateLimiter;
import io.paperwire.common.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One answer from the configured LLM at a time, politely: each call waits for the requests-per-minute limiter and is
 * retried on 429, 5xx, timeouts and broken connections with exponential backoff, jitter and the server's
 * {@code Retry-After}; usage (calls, tokens, time) is counted. LangChain4j's own retries are switched off (see
 * {@link ChatModels}), so these are the only ones. Shared by the weekly summaries ({@link LlmSummarizer}) and the
 * roundups' text. Thread-safe.
 */
public final class LlmCalls {

    /** The longest backoff between two attempts of a call, whatever the retry number. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(LlmCalls.class);

    private final ChatModel chat;
    private final String model;
    private final boolean jsonMode;
    private final RetryPolicy retry;
    private final RateLimiter limiter;

    /**
     * @param model    provider and model, e.g. {@code openai:gpt-4o-mini}, for the logs
     * @param jsonMode ask the provider for a JSON answer (OpenAI {@code json_object}, Ollama {@code format: json})
     */
    public LlmCalls(ChatModel chat, String model, boolean jsonMode, LlmSettings settings) {
        this.chat = chat;
        this.model = model;
        this.jsonMode = jsonMode;
        this.retry = new RetryPolicy(settings.maxRetries() + 1, new Backoff(settings.retryBase(), MAX_BACKOFF, true),
                settings.maxRetryWait());
        this.limiter = RateLimiter.perMinute(settings.requestsPerMinute());
    }

    /** The configured model for these settings: {@code <provider>:<model>}. */
    public static LlmCalls of(LlmSettings settings) {
        return new LlmCalls(ChatModels.chatModel(settings), settings.provider() + ":" + settings.model(),
                !"anthropic".equals(settings.provider()), settings);
    }

    public String model() {
        return model;
    }

    /**
     * One answer to these messages, with the limiter and the retries.
     *
     * @param about what the call is for, in the logs (a paper's id, a roundup's period)
     * @throws LlmCallException saying why no answer came (the retries ran out, the server asks to wait too long)
     */
    public String ask(List<ChatMessage> messages, LlmUsage usage, String about, int maxOutputTokens) {
        ChatRequest.Builder request = ChatRequest.builder().messages(messages).maxOutputTokens(maxOutputTokens).temperature(0.2);
        if (jsonMode) {
            request.responseFormat(ResponseFormat.JSON);
        }
        ChatRequest built = request.build();
        for (int attempt = 0; ; attempt++) {
            try {
                limiter.acquire();
                usage.recordCall();
                long started = System.nanoTime();
                ChatResponse response;
                try {
                    response = chat.chat(built);
                } finally {
                    usage.recordLatency(System.nanoTime() - started);
                }
                if (response.tokenUsage() != null) {
                    usage.recordTokens(response.tokenUsage().inputTokenCount(), response.tokenUsage().outputTokenCount());
                }
                return response.aiMessage() == null ? "" : response.aiMessage().text();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmCallException("interrupted", e);
            } catch (RuntimeException e) {
                String what = describe(e);
                if (!LlmFailures.isTransient(e) || attempt >= retry.retries()) {
                    throw new LlmCallException("LLM call failed after " + (attempt + 1) + " attempt(s): " + what, e);
                }
                Optional<Duration> delay = retry.delayBefore(attempt + 1, LlmFailures.retryAfter(e));
                if (delay.isEmpty()) {
                    throw new LlmCallException("LLM call failed: " + what + "; the server asks to wait longer than "
                            + retry.maxWait().toSeconds() + " s", e);
                }
                LOG.info("{} {}: {}; retry {} of {} in {} ms", model, about, what, attempt + 1,
                        retry.retries(), delay.get().toMillis());
                sleep(delay.get());
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmCallException("interrupted", e);
        }
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof dev.langchain4j.exception.HttpException http) {
                String body = String.valueOf(http.getMessage());
                return "HTTP " + http.statusCode() + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
            }
            if (t instanceof LlmHttpClient.CallTimeoutException timeout) {
                return timeout.getMessage();
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** A call that did not produce an answer; the message says why, for the editor's notes. */
    public static final class LlmCallException extends RuntimeException {
        LlmCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
