package io.paperwire.source;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Week;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Merges what the sources delivered into one {@link Paper} per arXiv id. The newest version's text wins (on a tie,
 * the source listed first, so arXiv's metadata beats Hugging Face's copy); categories are united, so a cross-list seen
 * by one source is kept; community signals (upvotes, comments, links) from every source are kept together; withdrawn
 * papers are dropped, and so is a paper only Hugging Face delivered that was submitted outside the week's window (it
 * belongs to another week's issue: Hugging Face features papers days or weeks after arXiv announces them).
 */
public final class PaperMerger {

    static final String WITHDRAWN = "withdrawn";
    static final String OUTSIDE = "only on Hugging Face, submitted outside the window of ";
    private static final Pattern WITHDRAWN_TEXT = Pattern.compile(
            "(?i)\\b(?:(?:this|the) (?:paper|article|submission|manuscript|work) (?:has been|is|was) withdrawn"
                    + "|withdrawn by (?:the )?(?:author|arxiv|submitter))");

    /** The merged papers, in the order first seen, and the papers dropped on the way per reason. */
    public record Merged(List<Paper> papers, Map<String, Integer> dropped) {}

    /** Merges the results of the sources (most authoritative first) for {@code week}. */
    public Merged merge(List<SourceResult> results, Week week) {
        Map<ArxivId, Paper> merged = new LinkedHashMap<>();
        Set<ArxivId> fromArxiv = new HashSet<>();
        Map<String, Integer> dropped = new TreeMap<>();
        for (SourceResult result : results) {
            result.dropped().forEach((reason, n) -> dropped.merge(result.source() + ": " + reason, n, Integer::sum));
            boolean arxiv = !result.source().startsWith(HuggingFaceSource.NAME);
            for (Paper paper : result.papers()) {
                merged.merge(paper.id(), paper, PaperMerger::combine);
                if (arxiv) {
                    fromArxiv.add(paper.id());
                }
            }
        }
        List<Paper> kept = new ArrayList<>();
        for (Paper paper : merged.values()) {
            if (isWithdrawn(paper)) {
                dropped.merge(WITHDRAWN, 1, Integer::sum);
            } else if (!fromArxiv.contains(paper.id()) && !week.contains(paper.published())) {
                dropped.merge(OUTSIDE + week, 1, Integer::sum);
            } else {
                kept.add(paper);
            }
        }
        return new Merged(kept, dropped);
    }

    static boolean isWithdrawn(Paper paper) {
        return WITHDRAWN_TEXT.matcher(paper.comment()).find()
                || WITHDRAWN_TEXT.matcher(paper.abstractText().substring(0, Math.min(300, paper.abstractText().length())))
                .find();
    }

    /** {@code known} came from an earlier (more authoritative) source than {@code other}. */
    static Paper combine(Paper known, Paper other) {
        Paper text = other.version() > known.version() ? other : known;
        Paper rest = text == known ? other : known;
        Set<String> categories = new LinkedHashSet<>(text.categories());
        categories.addAll(rest.categories());
        return new Paper(text.id(), text.version(),
                text.title().isEmpty() ? rest.title() : text.title(),
                text.abstractText().isEmpty() ? rest.abstractText() : text.abstractText(),
                text.authors().isEmpty() ? rest.authors() : text.authors(),
                text.primaryCategory().isEmpty() ? rest.primaryCategory() : text.primaryCategory(),
                List.copyOf(categories),
                text.published() == null ? rest.published() : text.published(),
                text.updated() == null ? rest.updated() : text.updated(),
                text.comment().isEmpty() ? rest.comment() : text.comment(),
                text.journalRef().isEmpty() ? rest.journalRef() : text.journalRef(),
                text.doi().isEmpty() ? rest.doi() : text.doi(),
                known.signals().mergedWith(other.signals()));
    }
}
