package io.paperwire.archive;

import io.paperwire.paper.Issue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.render.TemplateEngine;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import io.paperwire.testing.Bench;
import io.paperwire.testing.FakeIssues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code paperwire archive rebuild} of ten years of issues: 520 generated weekly issues of 20 papers each, stored in
 * the embedded database, rendered into a complete site (issue pages, index pages, tag pages, feeds, sitemap, search
 * index, a page per paper with its 5 related papers) and swapped in. Baseline: a rebuild of 52 issues (one year)
 * times ten, so a ratio near 1 means the rebuild grows linearly with the archive and above 1 that it grows faster.
 *
 * <p>The papers' vectors are stored before the measured runs (the warm-up stores them), and they are not MiniLM's:
 * embedding 10,400 abstracts would take minutes and measure the model, not the archive. A stand-in gives each paper
 * a pseudo-random 384-value unit vector, which costs the nearest-neighbour search exactly what MiniLM's would. So the
 * figures cover reading the vectors from the database, finding the related papers and writing every page. A rebuild
 * takes the related papers of the published site and extends them; the "cold" lines build with no published site,
 * comparing every pair of papers; the "publish" line adds one issue to the archive, as a weekly run does.
 */
class ArchiveRebuildBenchmark {

    static final Week LAST = Week.parse("2024-W21");

    @TempDir
    Path root;

    /** Pseudo-random unit vectors of MiniLM's size, the same for the same text. */
    static final io.paperwire.select.Embedder STAND_IN = texts -> texts.stream().map(text -> {
        java.util.Random random = new java.util.Random(text.hashCode());
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }).toList();

    private List<Double> rebuildSeconds(int issues, int runs) throws Exception {
        return rebuildSeconds(issues, runs, false);
    }

    /** @param cold remove the published site before each run, so every pair of papers is compared */
    private List<Double> rebuildSeconds(int issues, int runs, boolean cold) throws Exception {
        Path home = Files.createDirectories(root.resolve("home-" + issues + (cold ? "-cold" : "")));
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of());
        try (Database database = Database.open(settings.db(), settings.dataDir())) {
            IssueStore store = new IssueStore(database);
            List<Issue> generated = FakeIssues.generated(LAST, issues, 20);
            database.inTransaction(c -> {
                for (Issue issue : generated) {
                    store.insert(c, new RenderedIssue(RunRequest.of(issue.week()), 0, issue, issue.title(), "", ""));
                }
                return null;
            });
            SiteBuilder site = new SiteBuilder(new TemplateEngine(home.resolve("templates")), settings,
                    settings.outDir().resolve("site"), PaperVectors.stored(database, () -> STAND_IN), List::of);
            ArchiveRebuilder rebuilder = new ArchiveRebuilder(store, site);
            rebuilder.rebuild(); // warm-up: class loading, template parsing, JIT
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                if (cold) {
                    SiteBuilder.deleteTree(site.siteDir());
                }
                long started = System.nanoTime();
                int count = rebuilder.rebuild();
                samples.add((System.nanoTime() - started) / 1e9);
                assertThat(count).isEqualTo(issues);
            }
            try (Stream<Path> pages = Files.list(site.siteDir().resolve("issues"))) {
                assertThat(pages.count()).isEqualTo(issues);
            }
            try (Stream<Path> pages = Files.list(site.siteDir().resolve("papers"))) {
                assertThat(pages.filter(p -> p.toString().endsWith(".html")).count()).isEqualTo(issues * 20L);
            }
            return samples;
        }
    }

    /** Publishing the 521st issue: its papers' pages, and the older pages whose related papers changed. */
    private List<Double> publishSeconds(int runs) throws Exception {
        Path home = Files.createDirectories(root.resolve("publish"));
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of());
        List<Double> samples = new ArrayList<>();
        try (Database database = Database.open(settings.db(), settings.dataDir())) {
            IssueStore store = new IssueStore(database);
            List<Issue> generated = FakeIssues.generated(LAST, 521, 20);
            database.inTransaction(c -> {
                for (Issue issue : generated.subList(0, 520)) {
                    store.insert(c, new RenderedIssue(RunRequest.of(issue.week()), 0, issue, issue.title(), "", ""));
                }
                return null;
            });
            TemplateEngine templates = new TemplateEngine(home.resolve("templates"));
            PaperVectors vectors = PaperVectors.stored(database, () -> STAND_IN);
            SiteBuilder site = new SiteBuilder(templates, settings, settings.outDir().resolve("site"), vectors, List::of);
            PublishStage publisher = new PublishStage(database, store, site);
            Issue next = generated.get(520);
            vectors.of(next.papers().map(p -> p.paper()).toList()); // a run's selection has embedded them
            for (int i = 0; i < runs; i++) {
                new ArchiveRebuilder(store, site).rebuild(); // the archive of 520 issues as published
                database.update("DELETE FROM issues WHERE week = ?", next.week().toString());
                long started = System.nanoTime();
                publisher.publish(new RenderedIssue(RunRequest.of(next.week()), 0, next, next.title(), "", ""));
                samples.add((System.nanoTime() - started) / 1e9);
            }
        }
        return samples;
    }

    @Test
    void relatedPapersOfTenYearsComparingEveryPair() {
        List<io.paperwire.paper.ArxivId> ids = new ArrayList<>();
        Map<io.paperwire.paper.ArxivId, float[]> vectors = new java.util.HashMap<>();
        for (Issue issue : FakeIssues.generated(LAST, 520, 20)) {
            issue.papers().forEach(p -> {
                ids.add(p.paper().id());
                vectors.put(p.paper().id(), PaperVectors.unit(STAND_IN.embed(List.of(p.paper().title())).get(0)));
            });
        }
        RelatedPapers.of(ids, vectors); // warm-up
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            assertThat(RelatedPapers.of(ids, vectors)).hasSize(10_400);
            samples.add((System.nanoTime() - started) / 1e9);
        }
        Bench.report("related papers, all pairs of 10,400 papers", samples, "s", "(itself)", Bench.median(samples));
    }

    @Test
    void rebuildsTenYearsOfIssues() throws Exception {
        List<Double> oneYear = rebuildSeconds(52, 5);
        List<Double> tenYears = rebuildSeconds(520, 3);

        Bench.report("archive rebuild, 52 issues x 20 papers", oneYear, "s", "(itself)", Bench.median(oneYear));
        Bench.report("archive rebuild, 520 issues x 20 papers", tenYears, "s", "52 issues x10",
                Bench.median(oneYear) * 10);
        List<Double> cold = rebuildSeconds(520, 3, true);
        Bench.report("archive rebuild cold (no site), 520 issues", cold, "s", "rebuild, 520 issues",
                Bench.median(tenYears));
        List<Double> publish = publishSeconds(3);
        Bench.report("publish issue 521 (incremental)", publish, "s", "rebuild, 520 issues", Bench.median(tenYears));
    }
}
