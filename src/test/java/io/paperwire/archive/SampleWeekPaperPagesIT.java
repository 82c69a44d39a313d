package io.paperwire.archive;

import io.paperwire.paper.Issue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import io.paperwire.testing.CommandResult;
import io.paperwire.testing.FakeIssues;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;

import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product end to end: an archive of two earlier weeks, then {@code paperwire run --sample} publishes the sample
 * week with the real MiniLM model, then {@code archive rebuild}. Every paper of the sample issue has a page, linked
 * from the issue, whose related papers exist.
 */
class SampleWeekPaperPagesIT {

    static final String BASE = "https://news.example.org/paperwire";

    @TempDir
    Path home;

    private void assertEverySamplePaperHasAPageWithRelatedPapersThatExist(Path site) throws Exception {
        Document issue = Jsoup.parse(site.resolve("issues/2024-W21.html").toFile(), "UTF-8");
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        List<Element> papers = issue.select("article.paper");
        assertThat(papers).hasSize(20);
        for (Element article : papers) {
            String link = article.select(".links a.page-link").attr("href");
            assertThat(link).as("link to the page of %s", article.id()).startsWith("../papers/");
            Path page = site.resolve("issues").resolve(link).normalize();
            assertThat(page).exists();
            assertThat(sitemap).contains("<loc>" + BASE + "/" + site.relativize(page).toString().replace('\\', '/') + "</loc>");
            Document paper = Jsoup.parse(page.toFile(), "UTF-8");
            assertThat(paper.select("h1").text()).isEqualTo(article.select("h3 a").first().text());
            List<Element> related = paper.select("ol.related a");
            assertThat(related).as("related of %s", article.id()).hasSizeGreaterThanOrEqualTo(3);
            for (Element r : related) {
                assertThat(page.resolveSibling(r.attr("href"))).as("related page of %s", article.id()).exists();
            }
        }
    }

    @Test
    void everyPaperOfTheSampleIssueHasAPageWithRelatedPapersAfterPublishingAndAfterARebuild() throws Exception {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of());
        List<Issue> earlier = FakeIssues.generated(Week.parse("2024-W20"), 2, 20);
        try (Database database = Database.open(settings.db(), settings.dataDir())) {
            IssueStore store = new IssueStore(database);
            database.inTransaction(c -> {
                for (Issue issue : earlier) {
                    store.insert(c, new RenderedIssue(RunRequest.of(issue.week()), 0, issue, issue.title(), "", ""));
                }
                return null;
            });
        }

        CommandResult run = paperwire("--home", home.toString(), "--set", "paperwire.site.base-url=" + BASE, "run", "--sample");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path site = home.resolve("out/site");
        assertEverySamplePaperHasAPageWithRelatedPapersThatExist(site);
        // A generated id may be one of the sample week's too: that paper has one page, featuring both issues.
        Set<String> ids = new HashSet<>();
        earlier.forEach(issue -> issue.papers().forEach(p -> ids.add(p.paper().id().fileSafe())));
        Jsoup.parse(site.resolve("issues/2024-W21.html").toFile(), "UTF-8").select("article.paper")
                .forEach(a -> ids.add(a.id().replace('/', '_')));
        assertThat(ids).hasSizeGreaterThan(50);
        try (Stream<Path> pages = Files.list(site.resolve("papers"))) {
            assertThat(pages.filter(p -> p.toString().endsWith(".html")).map(p -> p.getFileName().toString()
                    .replace(".html", ""))).as("a page for each paper of three weeks").containsExactlyInAnyOrderElementsOf(ids);
        }
        try (Database database = Database.open(settings.db(), settings.dataDir())) {
            assertThat(database.queryOne("SELECT COUNT(*) AS n FROM paper_vectors", row -> row.getInt("n")))
                    .as("each paper's vector kept once").contains(ids.size());
        }

        CommandResult rebuild = paperwire("--home", home.toString(), "--set", "paperwire.site.base-url=" + BASE,
                "archive", "rebuild");
        assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
        assertEverySamplePaperHasAPageWithRelatedPapersThatExist(site);
    }
}
