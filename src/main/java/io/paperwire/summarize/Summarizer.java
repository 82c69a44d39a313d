package io.paperwire.summarize;

import io.paperwire.paper.Paper;
import io.paperwire.paper.Summary;

import java.util.List;

/** Writes the newsletter's text about one paper. Implementations must treat the title and abstract as untrusted. */
public interface Summarizer {

    /** How much the issue shows of a paper: highlights get everything, the rest a TL;DR. */
    enum Depth { FULL, TLDR }

    /**
     * A summary with what the editor should know about how it came about.
     *
     * @param notes     for the editor, e.g. why the extractive fallback stood in
     * @param cacheable false when a rerun should try again (the call failed, the budget was reached)
     */
    record Outcome(Summary summary, List<String> notes, boolean cacheable) {
        public Outcome {
            notes = List.copyOf(notes);
        }

        public static Outcome of(Summary summary) {
            return new Outcome(summary, List.of(), true);
        }
    }

    /** Identifies the model in the cache and in the issue, e.g. {@code extractive} or {@code openai:gpt-4o-mini}. */
    String model();

    /** Identifies the instructions: a change of prompt makes cached summaries stale. */
    String promptHash();

    Summary summarize(Paper paper, Depth depth);

    /** Like {@link #summarize} within one run's usage and budget; the LLM summariser counts and respects them. */
    default Outcome write(Paper paper, Depth depth, LlmUsage usage) {
        return Outcome.of(summarize(paper, depth));
    }
}
