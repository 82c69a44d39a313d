package io.paperwire.archive;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Roundup;
import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Week;
import io.paperwire.render.TemplateEngine;
import io.paperwire.select.MiniLmEmbedder;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Json;
import io.paperwire.testing.FakeIssues;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.paperwire.testing.FakeIssues.HOSTILE_ID;
import static io.paperwire.testing.FakeIssues.HOSTILE_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

class RoundupPagesTest {

    static final Week LAST = Week.parse("2024-W22");
    static final String BASE = "https://news.example.org/paperwire";

    @TempDir
    Path home;

    private static RoundupEntry entry(int rank, Issue issue, SelectedPaper selected, String paragraph) {
        return new RoundupEntry(rank, selected.paper(), selected.summary(), 10 - rank, List.of("rank " + rank,
                "featured in 1 weekly issue: " + issue.week() + " (Highlights) (+3.0)"), "Topic <b>" + (rank % 2) + "</b>",
                List.of(new RoundupEntry.Appearance(issue.slug(), issue.title(), issue.week(), SectionKey.HIGHLIGHTS)),
                paragraph, rank == 2);
    }

    /** A year's roundup whose first paper and text are hostile, over five weekly issues. */
    private Path build() {
        List<Issue> issues = new ArrayList<>(FakeIssues.generated(LAST.previous(), 4, 6));
        Issue last = FakeIssues.issue(LAST, 6, List.of(FakeIssues.hostile(LAST)));
        issues.add(last);
        List<RoundupEntry> entries = new ArrayList<>();
        entries.add(entry(1, last, FakeIssues.hostile(LAST), FakeIssues.HOSTILE_ABSTRACT));
        for (int n = 0; n < 3; n++) {
            entries.add(entry(n + 2, last, last.sections().get(1).papers().get(n), "A plain paragraph " + n + "."));
        }
        Roundup roundup = new Roundup(RoundupPeriod.year(2024), 1, "Paperwire roundup: the best papers of 2024",
                Instant.parse("2025-01-06T08:00:00Z"), "An intro with <script>alert(5)</script> in it.", "extractive",
                false, 5, entries);
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of("paperwire.site.base-url", BASE));
        SiteBuilder site = new SiteBuilder(new TemplateEngine(home.resolve("templates")), settings,
                home.resolve("site"), PaperVectors.inMemory(MiniLmEmbedder::shared), () -> List.of(roundup));
        site.build(issues).publish();
        return site.siteDir();
    }

    @Test
    void aRoundupsPageEscapesEverythingAndLinksEachPaperToItsWeeklyIssue() throws Exception {
        Path site = build();

        String html = Files.readString(site.resolve("roundups/2024.html"));
        Document page = Jsoup.parse(html);
        assertThat(page.select("body script, img, iframe")).isEmpty();
        assertThat(html).doesNotContain("javascript:", "JaVaScRiPt:", "<b>0</b>", "alert(5)</script>");
        assertThat(page.getElementById(HOSTILE_ID).select("h3 a").first().text()).isEqualTo(HOSTILE_TITLE);
        assertThat(page.getElementById(HOSTILE_ID).select(".meta a").attr("href"))
                .isEqualTo("../issues/2024-W22.html#" + HOSTILE_ID);
        assertThat(page.select("section.roundup-topic h2").eachText()).containsExactly("Topic <b>1</b>", "Topic <b>0</b>");
        assertThat(page.select("em.fallback")).hasSize(1);
    }

    @Test
    void everyBuildOfTheIssuesKeepsTheRoundupsOnTheFrontPageInBothFeedsTheSitemapAndSearch() throws Exception {
        Path site = build();

        Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertThat(index.select("#roundups a").eachAttr("href")).containsExactly("roundups/2024.html");
        SyndFeed atom = new SyndFeedInput().build(new XmlReader(site.resolve("feed.xml").toFile()));
        assertThat(atom.getEntries()).hasSize(6);
        assertThat(atom.getEntries().get(5).getLink()).isEqualTo(BASE + "/roundups/2024.html");
        assertThat(atom.getEntries().get(5).getContents().get(0).getValue()).doesNotContain("<script");
        var json = Json.MAPPER.readTree(site.resolve("feed.json").toFile());
        assertThat(json.get("items").get(0).get("url").asText()).isEqualTo(BASE + "/roundups/2024.html");
        assertThat(Files.readString(site.resolve("sitemap.xml"))).contains(BASE + "/roundups/2024.html");
        assertThat(Files.readString(site.resolve("search.json"))).contains("roundups/2024.html#" + HOSTILE_ID);
    }
}
