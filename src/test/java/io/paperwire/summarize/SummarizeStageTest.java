package io.paperwire.summarize;

import io.paperwire.paper.Paper;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Section;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Selection;
import io.paperwire.paper.SourceReport;
import io.paperwire.paper.SummarizedIssue;
import io.paperwire.paper.Summary;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SummarizeStageTest {

    @TempDir
    Path dataDir;
    Database db;

    @BeforeEach
    void open() {
        db = Database.open(new PaperwireSettings.Database("jdbc:h2:mem:stage-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "", new PaperwireSettings.Secret(null)), dataDir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Counts calls and threads; papers whose id ends in 9 fail the way a down LLM does. */
    private static final class Recording implements Summarizer {
        final AtomicInteger calls = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        String prompt = "v1";

        @Override
        public String model() {
            return "fake:model";
        }

        @Override
        public String promptHash() {
            return prompt;
        }

        @Override
        public Summary summarize(Paper paper, Depth depth) {
            return write(paper, depth, LlmUsage.unlimited()).summary();
        }

        @Override
        public Outcome write(Paper paper, Depth depth, LlmUsage usage) {
            calls.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (paper.id().value().endsWith("9")) {
                return new Outcome(new Summary("extract", "", List.of(), "", "", List.of(), "extractive", true),
                        List.of("LLM call failed"), false);
            }
            return Outcome.of(new Summary("tldr of " + paper.id() + " " + depth, "", List.of(), "", "", List.of(), model(), false));
        }
    }

    private static Selection week() {
        List<SelectedPaper> highlights = new ArrayList<>();
        List<SelectedPaper> noteworthy = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Paper paper = Answers.paper(String.format("2405.%05d", 10000 + i));
            (i < 5 ? highlights : noteworthy).add(new SelectedPaper(paper, 10 - i, List.of("rank " + (i + 1)), null));
        }
        return new Selection(RunRequest.of(Week.parse("2024-W21")), List.of(
                new Section(SectionKey.HIGHLIGHTS, highlights),
                new Section(SectionKey.NOTEWORTHY, noteworthy)), SourceReport.empty());
    }

    @Test
    void summarisesInParallelAndKeepsTheOrderOfTheSections() {
        Recording summarizer = new Recording();

        SummarizedIssue result = new SummarizeStage(summarizer, new SummaryCache(db), 4, LlmUsage::unlimited).summarize(week());

        assertThat(summarizer.threads).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(4);
        assertThat(result.selection().papers().map(p -> p.paper().id().value()).toList())
                .isEqualTo(week().papers().map(p -> p.paper().id().value()).toList());
        assertThat(result.selection().sections().get(0).papers().get(0).summary().tldr()).isEqualTo("tldr of 2405.10000 FULL");
        assertThat(result.selection().sections().get(1).papers().get(0).summary().tldr()).isEqualTo("tldr of 2405.10005 TLDR");
        assertThat(result.report().written()).isEqualTo(10);
        assertThat(result.report().fallbacks()).isEqualTo(1);
    }

    @Test
    void aRerunUsesTheCacheExceptWhatShouldBeTriedAgainAndAPromptChangeStartsOver() {
        Recording summarizer = new Recording();
        SummarizeStage stage = new SummarizeStage(summarizer, new SummaryCache(db), 4, LlmUsage::unlimited);
        stage.summarize(week());
        summarizer.calls.set(0);

        SummarizedIssue rerun = stage.summarize(week());

        assertThat(summarizer.calls).hasValue(1);
        assertThat(rerun.report().fromCache()).isEqualTo(9);

        summarizer.prompt = "v2";
        summarizer.calls.set(0);
        stage.summarize(week());
        assertThat(summarizer.calls).hasValue(10);
    }

    @Test
    void aFallbackTellsTheEditorWhyInTheReasons() {
        SummarizedIssue result = new SummarizeStage(new Recording(), new SummaryCache(db), 2, LlmUsage::unlimited).summarize(week());

        SelectedPaper failed = result.selection().papers().filter(p -> p.paper().id().value().endsWith("9")).findFirst().orElseThrow();
        assertThat(failed.summary().fallback()).isTrue();
        assertThat(failed.reasons()).containsExactly("rank 10", "summary: LLM call failed");
        assertThat(result.report().notes()).containsExactly("2405.10009v1: LLM call failed");
    }

    @Test
    void aStoredFallbackIsWrittenAgainByTheCurrentExtractiveSummariser() {
        Selection week = week();
        SelectedPaper first = week.sections().get(0).papers().get(0);
        Summary stale = new Summary("An old TL;DR cut in the middle of…", "", List.of(), "", "", List.of(), "extractive", true);
        new SummaryCache(db).put(first.paper(), "fake:model", "v1/" + Summarizer.Depth.FULL, stale);

        SummarizedIssue result = new SummarizeStage(new Recording(), new SummaryCache(db), 2, LlmUsage::unlimited).summarize(week);

        Summary summary = result.selection().sections().get(0).papers().get(0).summary();
        assertThat(summary.fallback()).isTrue();
        assertThat(summary.tldr()).isEqualTo(new ExtractiveSummarizer().summarize(first.paper(), Summarizer.Depth.FULL).tldr())
                .doesNotContain("…");
        assertThat(result.report().fromCache()).isEqualTo(1);
    }
}
