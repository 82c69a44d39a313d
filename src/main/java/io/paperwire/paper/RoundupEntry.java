package io.paperwire.paper;

import java.util.List;

/**
 * One paper of a roundup: its place, why it ranks there, the weekly issues that featured it and the roundup's
 * paragraph about it. Paper and summary are as the latest of those issues stored them, with the Hugging Face signals
 * as last seen.
 *
 * @param topic       what the year's roundup groups it under (a summary tag, else its arXiv category in words)
 * @param paragraph   what it did, why it matters, how it was received: plain text, escaped wherever rendered
 * @param fallback    the paragraph was composed from the stored summary because the LLM's was unusable
 */
public record RoundupEntry(int rank, Paper paper, Summary summary, double score, List<String> reasons, String topic,
                           List<Appearance> appearances, String paragraph, boolean fallback) {

    /** A weekly issue that featured the paper, and in which section. */
    public record Appearance(String issueSlug, String issueTitle, Week week, SectionKey section) {}

    public RoundupEntry {
        reasons = List.copyOf(reasons);
        appearances = List.copyOf(appearances);
        topic = topic == null ? "" : topic;
        paragraph = paragraph == null ? "" : paragraph;
    }

    /** The same entry with the roundup's text about it. */
    public RoundupEntry withParagraph(String text, boolean composedInstead) {
        return new RoundupEntry(rank, paper, summary, score, reasons, topic, appearances, text, composedInstead);
    }

    /** The same entry at another place. */
    public RoundupEntry atRank(int newRank) {
        return new RoundupEntry(newRank, paper, summary, score, reasons, topic, appearances, paragraph, fallback);
    }

    /** The issue the paper first appeared in: where its anchor links. */
    public Appearance first() {
        return appearances.get(0);
    }
}
