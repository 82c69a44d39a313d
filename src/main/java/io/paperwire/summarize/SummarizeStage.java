package io.paperwire.summarize;

import io.paperwire.common.Progress;
import io.paperwire.paper.Section;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Selection;
import io.paperwire.paper.SummarizedIssue;
import io.paperwire.paper.Summary;
import io.paperwire.paper.SummaryReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Gives every selected paper its summary: from the cache when this paper version was summarised before with the
 * same model and prompt, otherwise from the summariser (full for highlights, TL;DR for the rest), up to
 * {@code concurrency} papers at a time. A paper whose summary came from the extractive fallback carries the reason
 * in its editor notes; fallbacks that a rerun could improve on (failed calls, spent budget) are not cached.
 */
public final class SummarizeStage {

    private static final Logger LOG = LoggerFactory.getLogger(SummarizeStage.class);
    private static final ExtractiveSummarizer EXTRACTIVE = new ExtractiveSummarizer();

    private final Summarizer summarizer;
    private final SummaryCache cache;
    private final int concurrency;
    private final Supplier<LlmUsage> newUsage;

    public SummarizeStage(Summarizer summarizer, SummaryCache cache, int concurrency, Supplier<LlmUsage> newUsage) {
        this.summarizer = summarizer;
        this.cache = cache;
        this.concurrency = concurrency;
        this.newUsage = newUsage;
    }

    /** The extractive summariser, one paper at a time, no budget. */
    public SummarizeStage(Summarizer summarizer, SummaryCache cache) {
        this(summarizer, cache, 1, LlmUsage::unlimited);
    }

    /** Summarises every selected paper; the report says how (written, cached, fallbacks, the LLM's usage). */
    public SummarizedIssue summarize(Selection selection) {
        LlmUsage usage = newUsage.get();
        Counters counters = new Counters();
        List<Section> sections = selection.sections();
        List<List<Future<SelectedPaper>>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "summarize-" + counters.threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Progress progress = Progress.start("papers summarised", (int) selection.papers().count());
        try {
            for (Section section : sections) {
                List<Future<SelectedPaper>> inSection = new ArrayList<>();
                for (SelectedPaper paper : section.papers()) {
                    inSection.add(pool.submit(() -> {
                        SelectedPaper summarized = summarized(section, paper, usage, counters);
                        progress.step();
                        return summarized;
                    }));
                }
                futures.add(inSection);
            }
            List<Section> done = new ArrayList<>();
            for (int i = 0; i < sections.size(); i++) {
                List<SelectedPaper> papers = new ArrayList<>();
                for (Future<SelectedPaper> f : futures.get(i)) {
                    papers.add(await(f));
                }
                done.add(new Section(sections.get(i).key(), sections.get(i).title(), papers));
            }
            SummaryReport report = new SummaryReport(selection.request().week().toString(), summarizer.model(),
                    counters.written.get(), counters.fromCache.get(), counters.fallbacks.get(), counters.flagged.get(),
                    usage.calls(), usage.inputTokens(), usage.outputTokens(),
                    estimatedCost(usage), usage.budgetReached(), counters.notes,
                    usage.callTime().toMillis());
            LOG.info(report.oneLine());
            return new SummarizedIssue(selection.withSections(done), report);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when calls were made to a model without a configured price: the cost is then unknown. */
    private static Double estimatedCost(LlmUsage usage) {
        if (usage.priced()) {
            return usage.costUsd();
        }
        return usage.calls() == 0 ? Double.valueOf(0) : null;
    }

    private static SelectedPaper await(Future<SelectedPaper> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while summarising", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private SelectedPaper summarized(Section section, SelectedPaper selected, LlmUsage usage, Counters counters) {
        Summarizer.Depth depth = section.key() == SectionKey.HIGHLIGHTS ? Summarizer.Depth.FULL : Summarizer.Depth.TLDR;
        String promptHash = summarizer.promptHash() + "/" + depth;
        var cached = cache.find(selected.paper(), summarizer.model(), promptHash);
        if (cached.isPresent()) {
            counters.fromCache.incrementAndGet();
            Summary summary = cached.get();
            if (!summary.fallback()) {
                return selected.withSummary(summary);
            }
            // The stand-in is written again, offline and at no cost: a stored copy keeps what an older extractive
            // summariser wrote (a TL;DR cut with "…").
            Summary extract = EXTRACTIVE.summarize(selected.paper(), depth);
            return withNotes(selected, new Summary(extract.tldr(), extract.summary(), extract.keyPoints(),
                    extract.critique(), extract.whyItMatters(), extract.tags(), extract.model(), true),
                    List.of("extractive summary instead of " + summarizer.model() + " (stored by an earlier run)"));
        }
        Summarizer.Outcome outcome = summarizer.write(selected.paper(), depth, usage);
        if (outcome.cacheable()) {
            cache.put(selected.paper(), summarizer.model(), promptHash, outcome.summary());
        }
        counters.written.incrementAndGet();
        if (outcome.summary().fallback()) {
            counters.fallbacks.incrementAndGet();
            if (outcome.notes().stream().anyMatch(n -> n.contains("flagged"))) {
                counters.flagged.incrementAndGet();
            }
        }
        outcome.notes().forEach(n -> counters.notes.add(selected.paper().versionedId() + ": " + n));
        return withNotes(selected, outcome.summary(), outcome.notes());
    }

    private static SelectedPaper withNotes(SelectedPaper selected, Summary summary, List<String> notes) {
        if (notes.isEmpty()) {
            return selected.withSummary(summary);
        }
        List<String> reasons = new ArrayList<>(selected.reasons());
        notes.forEach(n -> reasons.add("summary: " + n));
        return new SelectedPaper(selected.paper(), selected.score(), reasons, summary);
    }

    private static final class Counters {
        final AtomicInteger threads = new AtomicInteger();
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger fromCache = new AtomicInteger();
        final AtomicInteger fallbacks = new AtomicInteger();
        final AtomicInteger flagged = new AtomicInteger();
        final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    }
}
