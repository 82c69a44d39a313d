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
 * index) and swapped in. Baseline: a rebuild of 52 issues (one year) times ten, so a ratio near 1 means the rebuild
 * grows linearly with the archive and above 1 that it grows faster.
 */
class ArchiveRebuildBenchmark {

    static final Week LAST = Week.parse("2024-W21");

    @TempDir
    Path root;

    private List<Double> rebuildSeconds(int issues, int runs) throws Exception {
        Path home = Files.createDirectories(root.resolve("home-" + issues));
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
            SiteBuilder site = new SiteBuilder(new TemplateEngine(home.resolve("templates")), settings);
            ArchiveRebuilder rebuilder = new ArchiveRebuilder(store, site);
            rebuilder.rebuild(); // warm-up: class loading, template parsing, JIT
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                int count = rebuilder.rebuild();
                samples.add((System.nanoTime() - started) / 1e9);
                assertThat(count).isEqualTo(issues);
            }
            try (Stream<Path> pages = Files.list(site.siteDir().resolve("issues"))) {
                assertThat(pages.count()).isEqualTo(issues);
            }
            return samples;
        }
    }

    @Test
    void rebuildsTenYearsOfIssues() throws Exception {
        List<Double> oneYear = rebuildSeconds(52, 5);
        List<Double> tenYears = rebuildSeconds(520, 3);

        Bench.report("archive rebuild, 52 issues x 20 papers", oneYear, "s", "(itself)", Bench.median(oneYear));
        Bench.report("archive rebuild, 520 issues x 20 papers", tenYears, "s", "52 issues x10",
                Bench.median(oneYear) * 10);
    }
}
