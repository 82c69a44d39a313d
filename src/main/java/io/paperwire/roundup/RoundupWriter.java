package io.paperwire.roundup;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.summarize.LlmCalls;
import io.paperwire.summarize.LlmUsage;
import io.paperwire.summarize.PromptTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes a roundup's introduction and its paragraph per paper. Without an LLM the text is composed from the stored
 * summaries and signals ({@link ComposedText}). With one, the editor's prompt ({@code templates/prompts/roundup.ftl})
 * asks for the whole text as one JSON object, which {@link RoundupAnswerCheck} checks; an answer with faults is sent
 * back once with what is wrong, and what still fails after that repair is composed instead and marked as such. The
 * text is cached by (period, paper set, model, prompt hash), so a rerun costs no call; a call that failed (network,
 * budget) is not cached, so the next run tries again.
 */
public final class RoundupWriter {

    /** The prompt's file under {@code templates/}. */
    public static final String PROMPT = "prompts/roundup.ftl";
    /** Output tokens per paper the answer may need, over the configured cap when that is smaller. */
    static final int TOKENS_PER_PAPER = 220;

    private static final Logger LOG = LoggerFactory.getLogger(RoundupWriter.class);

    /** The text, and what writing it cost. */
    public record Result(RoundupText text, long calls, boolean fromCache) {}

    private final LlmCalls llm;
    private final PromptTemplate prompt;
    private final RoundupTextCache cache;
    private final int maxOutputTokens;
    private final Supplier<LlmUsage> usage;

    private RoundupWriter(LlmCalls llm, PromptTemplate prompt, RoundupTextCache cache, int maxOutputTokens,
                          Supplier<LlmUsage> usage) {
        this.llm = llm;
        this.prompt = prompt;
        this.cache = cache;
        this.maxOutputTokens = maxOutputTokens;
        this.usage = usage;
    }

    /** Composes every roundup from the stored summaries: no LLM. */
    public static RoundupWriter composed() {
        return new RoundupWriter(null, null, null, 0, LlmUsage::unlimited);
    }

    /**
     * Writes with this LLM and prompt, caching in the database.
     *
     * @param usage a fresh account of one roundup's calls, tokens and budget
     */
    public static RoundupWriter withLlm(LlmCalls llm, PromptTemplate prompt, io.paperwire.store.Database database,
                                        int maxOutputTokens, Supplier<LlmUsage> usage) {
        return new RoundupWriter(llm, prompt, new RoundupTextCache(database), maxOutputTokens, usage);
    }

    /** Who writes: {@code extractive} or the model. */
    public String model() {
        return llm == null ? ComposedText.MODEL : llm.model();
    }

    public Result write(RankedRoundup ranked) {
        RoundupPeriod period = ranked.request().period();
        List<RoundupEntry> entries = ranked.entries();
        if (llm == null) {
            return new Result(ComposedText.of(period, ranked.issueCount(), ranked.featured(), entries), 0, false);
        }
        String promptHash = prompt.hash(llm.model());
        String key = RoundupTextCache.key(period, entries, llm.model(), promptHash);
        var cached = cache.find(key);
        if (cached.isPresent()) {
            LOG.info("Roundup text of {} from the cache ({} papers, {})", period, entries.size(), llm.model());
            return new Result(cached.get(), 0, true);
        }
        LlmUsage account = usage.get();
        RoundupText text = ask(ranked, account);
        if (text.notes().stream().noneMatch(n -> n.startsWith(CALL_FAILED))) {
            cache.put(key, period, llm.model(), promptHash, text);
        }
        return new Result(text, account.calls(), false);
    }

    private static final String CALL_FAILED = "LLM call failed: ";

    private RoundupText ask(RankedRoundup ranked, LlmUsage account) {
        RoundupPeriod period = ranked.request().period();
        List<RoundupEntry> entries = ranked.entries();
        PromptTemplate.Prompt p = prompt.render(model(ranked));
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(p.system()), UserMessage.from(p.user())));
        int tokens = Math.max(maxOutputTokens, TOKENS_PER_PAPER * entries.size() + 400);
        String intro = null;
        Map<String, String> paragraphs = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (int attempt = 1; attempt <= 2; attempt++) {
            if (account.budgetReached()) {
                notes.add(CALL_FAILED + "the LLM budget (paperwire.llm.budget-*) is reached");
                break;
            }
            String answer;
            try {
                answer = llm.ask(messages, account, "roundup " + period, tokens);
            } catch (LlmCalls.LlmCallException e) {
                notes.add(CALL_FAILED + e.getMessage());
                break;
            }
            RoundupAnswerCheck.Verdict verdict = RoundupAnswerCheck.check(answer, period, ranked.issueCount(),
                    ranked.featured(), entries);
            if (verdict.intro() != null) {
                intro = verdict.intro();
            }
            paragraphs.putAll(verdict.paragraphs());
            if (verdict.problems().isEmpty() || intro != null && paragraphs.size() == entries.size()) {
                if (attempt == 2) {
                    notes.add("LLM roundup accepted on the second attempt");
                }
                break;
            }
            LOG.info("{} roundup {}: answer rejected (attempt {}): {}", llm.model(), period, attempt, verdict.feedback());
            if (attempt == 2) {
                notes.add("LLM answer still faulty after one repair (" + verdict.feedback() + ")");
                break;
            }
            messages.add(AiMessage.from(answer == null ? "" : answer));
            messages.add(UserMessage.from("Your answer cannot be used: " + verdict.feedback()
                    + ". Reply again with the whole corrected JSON object, following every rule."));
        }
        boolean introFallback = intro == null;
        if (introFallback) {
            intro = ComposedText.intro(period, ranked.issueCount(), ranked.featured(), entries);
        }
        List<String> fallbacks = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>();
        for (RoundupEntry e : entries) {
            String id = e.paper().id().value();
            String written = paragraphs.get(id);
            if (written == null) {
                fallbacks.add(id);
                written = ComposedText.paragraph(e);
            }
            all.put(id, written);
        }
        if (introFallback || !fallbacks.isEmpty()) {
            notes.add("composed from the stored summaries instead of " + llm.model() + ": "
                    + (introFallback ? "the introduction" + (fallbacks.isEmpty() ? "" : " and ") : "")
                    + (fallbacks.isEmpty() ? "" : fallbacks.size() + " paragraph(s)"));
        }
        return new RoundupText(intro, all, llm.model(), introFallback, fallbacks, notes);
    }

    /** The prompt's data: every untrusted text through {@link PromptTemplate#asData}. */
    private static Map<String, Object> model(RankedRoundup ranked) {
        List<Map<String, Object>> papers = new ArrayList<>();
        for (RoundupEntry e : ranked.entries()) {
            var p = e.paper();
            var s = e.summary();
            Map<String, Object> paper = new LinkedHashMap<>();
            paper.put("id", p.id().value());
            paper.put("title", PromptTemplate.asData(p.title()));
            paper.put("authors", PromptTemplate.asData(p.authorNames()));
            paper.put("abstract", PromptTemplate.asData(p.abstractText()));
            paper.put("tldr", PromptTemplate.asData(s == null ? "" : s.tldr()));
            paper.put("summary", PromptTemplate.asData(s == null ? "" : s.summary()));
            paper.put("topic", PromptTemplate.asData(e.topic()));
            paper.put("upvotes", p.signals().upvotes());
            paper.put("comments", p.signals().comments());
            paper.put("issues", e.appearances().size());
            paper.put("weeks", String.join(", ", e.appearances().stream().map(a -> a.week().toString()).toList()));
            papers.add(paper);
        }
        return Map.of("period", ranked.request().period().label(), "kind", ranked.request().period().kind().name(),
                "issueCount", ranked.issueCount(), "featured", ranked.featured(), "papers", papers);
    }
}
