package io.paperwire.roundup;

import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.paper.Summary;
import io.paperwire.summarize.ExtractiveSummarizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roundup's text without an LLM: composed from what is stored, so it needs no network and states nothing that is
 * not in the papers' own summaries (extractive or the LLM's, both checked when the weekly issues were made) and the
 * stored signals. Each paragraph is the paper's TL;DR, the next sentence of its summary and why it matters when the
 * summary says, then how it was received.
 */
final class ComposedText {

    static final String MODEL = new ExtractiveSummarizer().model();

    private ComposedText() {}

    static RoundupText of(RoundupPeriod period, int issueCount, int featured, List<RoundupEntry> entries) {
        Map<String, String> paragraphs = new LinkedHashMap<>();
        entries.forEach(e -> paragraphs.put(e.paper().id().value(), paragraph(e)));
        return new RoundupText(intro(period, issueCount, featured, entries), paragraphs, MODEL, false, List.of(),
                List.of());
    }

    static String intro(RoundupPeriod period, int issueCount, int featured, List<RoundupEntry> entries) {
        StringBuilder intro = new StringBuilder(period.label() + " in papers: " + issueCount
                + (issueCount == 1 ? " weekly issue" : " weekly issues") + " featured " + featured + " papers. These "
                + entries.size() + " stood out, ranked by how readers received them on Hugging Face, how prominently"
                + " the newsletter featured them and how closely they match its interests.");
        if (period.kind() == RoundupPeriod.Kind.YEAR) {
            List<String> topics = new ArrayList<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            entries.forEach(e -> counts.merge(e.topic(), 1, Integer::sum));
            counts.forEach((topic, n) -> topics.add(topic + " (" + n + ")"));
            intro.append(" They are grouped by topic: ").append(String.join(", ", topics)).append('.');
        }
        entries.stream().filter(e -> e.paper().signals().onHuggingFace())
                .max((a, b) -> Integer.compare(a.paper().signals().upvotes(), b.paper().signals().upvotes()))
                .ifPresent(top -> intro.append(" The most upvoted, \"").append(top.paper().title()).append("\", drew ")
                        .append(top.paper().signals().upvotes()).append(" upvotes."));
        return intro.toString();
    }

    static String paragraph(RoundupEntry entry) {
        Summary s = entry.summary();
        List<String> parts = new ArrayList<>();
        String lead = lead(entry);
        parts.add(sentence(lead));
        if (s != null && !s.summary().isBlank() && words(lead) < LEAD_WORDS) {
            ExtractiveSummarizer.sentencesOf(s.summary()).stream().map(String::strip)
                    .filter(x -> !x.isEmpty() && !lead.contains(x) && !x.contains(lead))
                    .findFirst().ifPresent(parts::add);
        }
        if (s != null && !s.whyItMatters().isBlank()) {
            parts.add(sentence("Why it matters: " + s.whyItMatters().strip()));
        }
        parts.add(reception(entry));
        return String.join(" ", parts);
    }

    /** Below this many words, the lead is followed by the summary's next sentence. */
    static final int LEAD_WORDS = 35;

    /**
     * The TL;DR, whole: an extractive TL;DR is the abstract's best sentence shortened with "…", which reads badly in
     * a paragraph, so the sentence it was cut from takes its place. Without a TL;DR, the title.
     */
    static String lead(RoundupEntry entry) {
        Summary s = entry.summary();
        if (s == null || s.tldr().isBlank()) {
            return entry.paper().title();
        }
        String tldr = s.tldr().strip();
        if (!tldr.endsWith("…")) {
            return tldr;
        }
        String start = tldr.substring(0, tldr.length() - 1).strip();
        return ExtractiveSummarizer.sentencesOf(entry.paper().abstractText()).stream().map(String::strip)
                .filter(x -> x.startsWith(start)).findFirst().orElse(tldr);
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    /** How the paper was received, from the stored signals and issues. */
    static String reception(RoundupEntry entry) {
        var signals = entry.paper().signals();
        String featured = "featured in " + entry.appearances().size()
                + (entry.appearances().size() == 1 ? " weekly issue" : " weekly issues") + " ("
                + String.join(", ", entry.appearances().stream().map(a -> a.week().toString()).toList()) + ")";
        if (signals.onHuggingFace()) {
            return "It drew " + signals.upvotes() + " upvotes and " + signals.comments()
                    + (signals.comments() == 1 ? " comment" : " comments") + " on Hugging Face and was " + featured + ".";
        }
        return "It was " + featured + ".";
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || t.matches(".*[.!?…]$") ? t : t + ".";
    }
}
