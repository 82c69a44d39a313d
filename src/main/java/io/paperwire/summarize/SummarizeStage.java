package io.paperwire.summarize;

import io.paperwire.paper.Section;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Selection;
import io.paperwire.paper.Summary;
import io.paperwire.select.SelectStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives every selected paper its summary: from the cache when this paper version was summarised before with the
 * same model and prompt, otherwise from the summariser (full for highlights, TL;DR for the rest).
 */
public final class SummarizeStage {

    private static final Logger LOG = LoggerFactory.getLogger(SummarizeStage.class);

    private final Summarizer summarizer;
    private final SummaryCache cache;

    public SummarizeStage(Summarizer summarizer, SummaryCache cache) {
        this.summarizer = summarizer;
        this.cache = cache;
    }

    public Selection summarize(Selection selection) {
        AtomicInteger fromCache = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        io.paperwire.ops.Progress progress = io.paperwire.ops.Progress.start("papers summarised",
                (int) selection.papers().count());
        Selection result = selection.withSections(selection.sections().stream()
                .map(section -> section.mapPapers(p -> {
                    SelectedPaper summarized = p.withSummary(summaryOf(section, p, fromCache, written));
                    progress.step();
                    return summarized;
                }))
                .toList());
        LOG.info("Summaries for {}: {} written by {}, {} from the cache", selection.request().week(), written,
                summarizer.model(), fromCache);
        return result;
    }

    private Summary summaryOf(Section section, SelectedPaper selected, AtomicInteger fromCache, AtomicInteger written) {
        Summarizer.Depth depth = SelectStage.HIGHLIGHTS.equals(section.key()) ? Summarizer.Depth.FULL : Summarizer.Depth.TLDR;
        String promptHash = summarizer.promptHash() + "/" + depth;
        var cached = cache.find(selected.paper(), summarizer.model(), promptHash);
        if (cached.isPresent()) {
            fromCache.incrementAndGet();
            return cached.get();
        }
        Summary summary = summarizer.summarize(selected.paper(), depth);
        cache.put(selected.paper(), summarizer.model(), promptHash, summary);
        written.incrementAndGet();
        return summary;
    }
}
