package io.paperwire.summarize;

import io.paperwire.paper.Paper;
import io.paperwire.paper.Summary;

/** Writes the newsletter's text about one paper. Implementations must treat the title and abstract as untrusted. */
public interface Summarizer {

    /** How much the issue shows of a paper: highlights get everything, the rest a TL;DR. */
    enum Depth { FULL, TLDR }

    /** Identifies the model in the cache and in the issue, e.g. {@code extractive} or {@code openai:gpt-4o-mini}. */
    String model();

    /** Identifies the instructions: a change of prompt makes cached summaries stale. */
    String promptHash();

    Summary summarize(Paper paper, Depth depth);
}
