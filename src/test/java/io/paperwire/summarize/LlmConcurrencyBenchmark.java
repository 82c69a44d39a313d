package io.paperwire.summarize;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Section;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Selection;
import io.paperwire.paper.SourceReport;
import io.paperwire.paper.SummarizedIssue;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import io.paperwire.testing.Bench;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 40 papers through a WireMock OpenAI stub that takes 1 s per answer: wall time at the default concurrency (4)
 * against one call at a time, and a rerun of the same week, which must make no call at all. Runs only under
 * {@code mvn -Pbench verify}; {@code -Dbench.runs=N} sets the number of runs per figure (default 3).
 */
class LlmConcurrencyBenchmark {

    static final int PAPERS = 40;
    static final Duration DELAY = Duration.ofSeconds(1);
    static final int RUNS = Integer.getInteger("bench.runs", 3);

    static WireMockServer server;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(32).jettyAcceptors(2));
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("key_points"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay((int) DELAY.toMillis()).withBody(ProviderStub.OPENAI.answer(Answers.json(Answers.full())))));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay((int) DELAY.toMillis()).withBody(ProviderStub.OPENAI.answer(Answers.json(Answers.tldr())))));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Selection week() {
        List<SelectedPaper> highlights = new ArrayList<>();
        List<SelectedPaper> noteworthy = new ArrayList<>();
        for (int i = 0; i < PAPERS; i++) {
            Paper paper = Answers.paper(String.format("2405.%05d", 10000 + i));
            (i < PAPERS / 2 ? highlights : noteworthy).add(new SelectedPaper(paper, 1, List.of("bench"), null));
        }
        return new Selection(RunRequest.of(Week.parse("2024-W21")), List.of(
                new Section(SectionKey.HIGHLIGHTS, highlights),
                new Section(SectionKey.NOTEWORTHY, noteworthy)), SourceReport.empty());
    }

    private Database database(String name) {
        return Database.open(new PaperwireSettings.Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "",
                new PaperwireSettings.Secret(null)), dataDir);
    }

    private static SummarizeStage stage(Database db, int concurrency) {
        LlmSettings settings = ProviderStub.OPENAI.settings(server.baseUrl(), Duration.ofSeconds(10), 0)
                .withLimits(concurrency, 0, Duration.ofSeconds(10), 0, Duration.ofMillis(100));
        return new SummarizeStage(ProviderStub.OPENAI.summarizer(settings), new SummaryCache(db), concurrency,
                () -> LlmUsage.of(settings));
    }

    /** Seconds for one cold run (empty cache) at this concurrency; checks every paper got the LLM's summary. */
    private double coldRun(int concurrency, int run) {
        try (Database db = database("bench-" + concurrency + "-" + run)) {
            long start = System.nanoTime();
            SummarizedIssue result = stage(db, concurrency).summarize(week());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(result.report().fallbacks()).isZero();
            assertThat(result.report().calls()).isEqualTo(PAPERS);
            return seconds;
        }
    }

    @Test
    void concurrentCallsVersusOneAtATimeAndAFreeRerun() {
        stage(database("warmup"), 4).summarize(week());

        List<Double> sequential = new ArrayList<>();
        List<Double> parallel = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            parallel.add(coldRun(4, run));
            sequential.add(coldRun(1, run));
        }
        double baseline = Bench.median(sequential);
        Bench.report("llm-summaries-40-sequential", sequential, "s", "sequential (1 call at a time)", baseline);
        Bench.report("llm-summaries-40-concurrency-4", parallel, "s", "sequential (1 call at a time)", baseline);
        double speedup = baseline / Bench.median(parallel);
        double limit = Math.ceil(PAPERS / 4.0) * DELAY.toMillis() / 1000.0;
        System.out.printf("BENCH speedup at concurrency 4: %.2fx (need >= 3.5); median %.2f s vs limit %.1f s (need <= %.1f s)%n",
                speedup, Bench.median(parallel), limit, limit * 1.3);

        List<Double> rerunSeconds = new ArrayList<>();
        try (Database db = database("rerun")) {
            stage(db, 4).summarize(week());
            for (int run = 0; run < RUNS; run++) {
                server.resetRequests();
                long start = System.nanoTime();
                SummarizedIssue rerun = stage(db, 4).summarize(week());
                rerunSeconds.add((System.nanoTime() - start) / 1e9);
                assertThat(rerun.report().calls()).isZero();
                assertThat(rerun.report().fromCache()).isEqualTo(PAPERS);
                assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).isEmpty();
            }
        }
        Bench.report("llm-summaries-40-rerun-cached", rerunSeconds, "s", "sequential (1 call at a time)", baseline);
        System.out.println("BENCH rerun of the same week: 0 LLM calls, " + PAPERS + " summaries from the cache");

        assertThat(speedup).isGreaterThanOrEqualTo(3.5);
        assertThat(Bench.median(parallel)).isLessThanOrEqualTo(limit * 1.3);
    }
}
