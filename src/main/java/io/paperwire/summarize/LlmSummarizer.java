package io.paperwire.summarize;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.paperwire.common.Backoff;
import io.paperwire.common.RateLimiter;
import io.paperwire.common.RetryPolicy;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Summary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Summaries written by an LLM through LangChain4j, checked by code, with the extractive summary standing in (and
 * marked as such) whenever the LLM cannot deliver: the call still fails after its retries, the answer is invalid or
 * states figures the abstract does not after one more attempt, or the run's budget is spent.
 *
 * <p>Each call waits for the requests-per-minute limiter and is retried on 429, 5xx, timeouts and broken connections
 * with exponential backoff, jitter and the server's {@code Retry-After}. LangChain4j's own retries are switched off
 * (see {@link ChatModels}), so these are the only ones. Parallelism is the caller's: this class is thread-safe.
 */
public final class LlmSummarizer implements Summarizer {

    /** The longest backoff between two attempts of a call, whatever the retry number. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(LlmSummarizer.class);

    private final ChatModel chat;
    private final String model;
    private final boolean jsonMode;
    private final PromptTemplate prompt;
    private final RetryPolicy retry;
    private final RateLimiter limiter;
    private final int maxOutputTokens;
    private final ExtractiveSummarizer extractive = new ExtractiveSummarizer();

    /**
     * @param model    provider and model, e.g. {@code openai:gpt-4o-mini}: the summaries' cache key and byline
     * @param jsonMode ask the provider for a JSON answer (OpenAI {@code json_object}, Ollama {@code format: json})
     */
    public LlmSummarizer(ChatModel chat, String model, boolean jsonMode, PromptTemplate prompt, LlmSettings settings) {
        this.chat = chat;
        this.model = model;
        this.jsonMode = jsonMode;
        this.prompt = prompt;
        this.retry = new RetryPolicy(settings.maxRetries() + 1, new Backoff(settings.retryBase(), MAX_BACKOFF, true),
                settings.maxRetryWait());
        this.limiter = RateLimiter.perMinute(settings.requestsPerMinute());
        this.maxOutputTokens = settings.maxOutputTokens();
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String promptHash() {
        return prompt.hash(model);
    }

    @Override
    public Summary summarize(Paper paper, Depth depth) {
        return write(paper, depth, LlmUsage.unlimited()).summary();
    }

    @Override
    public Outcome write(Paper paper, Depth depth, LlmUsage usage) {
        if (usage.budgetReached()) {
            return fallback(paper, depth, "LLM budget of the run reached", false);
        }
        PromptTemplate.Prompt p = prompt.render(paper, depth);
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(p.system()), UserMessage.from(p.user())));
        AnswerCheck.Verdict verdict = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            String answer;
            try {
                answer = call(messages, usage, paper);
            } catch (LlmCallException e) {
                return fallback(paper, depth, e.getMessage(), false);
            }
            verdict = AnswerCheck.check(answer, paper, depth, model);
            if (verdict.ok()) {
                List<String> notes = attempt == 1 ? List.of() : List.of("LLM summary accepted on the second attempt");
                return new Outcome(verdict.summary(), notes, true);
            }
            LOG.info("{} {}: answer rejected (attempt {}): {}", model, paper.versionedId(), attempt, verdict.feedback());
            if (usage.budgetReached()) {
                return fallback(paper, depth, "LLM budget of the run reached", false);
            }
            messages.add(AiMessage.from(answer == null ? "" : answer));
            messages.add(UserMessage.from("Your answer cannot be used: " + verdict.feedback()
                    + ". Reply again with only the corrected JSON object, following every rule."));
        }
        boolean unfaithful = !verdict.unsupportedFigures().isEmpty();
        return fallback(paper, depth, (unfaithful ? "flagged: LLM summary stated figures not in the abstract ("
                + String.join(", ", verdict.unsupportedFigures()) + ")" : "LLM answer invalid twice (" + verdict.feedback() + ")"), true);
    }

    private Outcome fallback(Paper paper, Depth depth, String why, boolean cacheable) {
        Summary extract = extractive.summarize(paper, depth);
        Summary marked = new Summary(extract.tldr(), extract.summary(), extract.keyPoints(), extract.critique(),
                extract.whyItMatters(), extract.tags(), extract.model(), true);
        return new Outcome(marked, List.of("extractive summary instead of " + model + ": " + why), cacheable);
    }

    /** One answer, with the limiter and the retries. */
    private String call(List<ChatMessage> messages, LlmUsage usage, Paper paper) {
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
                LOG.info("{} {}: {}; retry {} of {} in {} ms", model, paper.versionedId(), what, attempt + 1,
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
    static final class LlmCallException extends RuntimeException {
        LlmCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
