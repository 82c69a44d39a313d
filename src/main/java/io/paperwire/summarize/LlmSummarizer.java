package io.paperwire.summarize;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Summary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Summaries written by an LLM through LangChain4j, checked by code, with the extractive summary standing in (and
 * marked as such) whenever the LLM cannot deliver: the call still fails after its retries, the answer is invalid or
 * states figures the abstract does not after one more attempt, or the run's budget is spent.
 *
 * <p>The calls go through {@link LlmCalls} (rate limit, retries with backoff and {@code Retry-After}). Parallelism is
 * the caller's: this class is thread-safe.
 */
public final class LlmSummarizer implements Summarizer {

    private static final Logger LOG = LoggerFactory.getLogger(LlmSummarizer.class);

    private final LlmCalls calls;
    private final String model;
    private final PromptTemplate prompt;
    private final int maxOutputTokens;
    private final ExtractiveSummarizer extractive = new ExtractiveSummarizer();

    /**
     * @param model    provider and model, e.g. {@code openai:gpt-4o-mini}: the summaries' cache key and byline
     * @param jsonMode ask the provider for a JSON answer (OpenAI {@code json_object}, Ollama {@code format: json})
     */
    public LlmSummarizer(ChatModel chat, String model, boolean jsonMode, PromptTemplate prompt, LlmSettings settings) {
        this.calls = new LlmCalls(chat, model, jsonMode, settings);
        this.model = model;
        this.prompt = prompt;
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
                answer = calls.ask(messages, usage, paper.versionedId(), maxOutputTokens);
            } catch (LlmCalls.LlmCallException e) {
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
}
