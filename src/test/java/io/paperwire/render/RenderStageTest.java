package io.paperwire.render;

import io.paperwire.paper.Issue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.testing.FakeIssues;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.paperwire.testing.FakeIssues.HOSTILE_TITLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderStageTest {

    static final Week WEEK = Week.parse("2024-W21");

    @TempDir
    Path home;

    private RenderedIssue render(Map<String, String> settings, Issue issue) {
        PaperwireSettings loaded = PaperwireSettings.load(home, Map.of(), settings);
        return new RenderStage(new TemplateEngine(home.resolve("templates")), loaded, s -> 1, Clock.systemUTC())
                .renderEmail(RunRequest.of(WEEK), 0, issue);
    }

    @Test
    void theHeaderNamesTheListingDaysTheIssueCovers() {
        RenderedIssue rendered = render(Map.of(), FakeIssues.issue(WEEK, 2, List.of()));

        assertThat(Jsoup.parse(rendered.html()).select("p.lede").text())
                .isEqualTo("The papers announced 2024-05-20 to 2024-05-24 worth your time.");
        assertThat(rendered.text()).contains("The papers announced 2024-05-20 to 2024-05-24 worth your time.");
    }

    @Test
    void rendersHostileTextAsPlainTextAndDropsScriptLinks() {
        Issue issue = FakeIssues.issue(WEEK, 4, List.of(FakeIssues.hostile(WEEK)));

        RenderedIssue rendered = render(Map.of(), issue);

        Document html = Jsoup.parse(rendered.html());
        assertThat(html.select("script, img, iframe, b")).isEmpty();
        assertThat(html.select("a[href]")).allSatisfy(a -> assertThat(a.attr("href")).matches("(https?://|%%).*"));
        assertThat(html.text()).contains(HOSTILE_TITLE).contains("<b>bold</b> ${7*7}")
                .contains("<iframe src=javascript:alert(3)>").doesNotContain("Zebrafish Attention 49");
        assertThat(rendered.html()).doesNotContain("<script>alert").doesNotContain("javascript:alert(3)\"");
        assertThat(rendered.text()).contains(HOSTILE_TITLE).doesNotContain("Code: javascript")
                .doesNotContain("Code: JaVaScRiPt");
    }

    @Test
    void showsFullSummariesForHighlightsAndOneLineForNoteworthy() {
        Issue issue = FakeIssues.issue(WEEK, 6, List.of());

        Document html = Jsoup.parse(render(Map.of(), issue).html());

        assertThat(html.select("table.paper")).hasSize(3);
        assertThat(html.select("table.paper").first().text()).contains("TL;DR").contains("A longer summary of study 0")
                .contains("First point of study 0").contains("Critique Only tested on English benchmarks.");
        assertThat(html.select("div.brief")).hasSize(3);
        assertThat(html.select("div.brief").first().text()).doesNotContain("A longer summary");
    }

    @Test
    void everyPaperWithASummaryOrAOneLinerHasItsFeedbackLinksInBothParts() {
        Issue issue = FakeIssues.issue(WEEK, 6, List.of());

        RenderedIssue rendered = render(Map.of(), issue);

        issue.papers().map(p -> p.paper().id().value()).forEach(id -> {
            String slot = RenderedIssue.feedbackSlot(id);
            assertThat(rendered.text()).as("text part, " + id).contains(slot + "&vote=more", slot + "&vote=less");
            assertThat(rendered.html()).as("HTML part, " + id).contains(slot + "&amp;vote=more", slot + "&amp;vote=less");
        });
    }

    @Test
    void followsTheEditorsSectionOrderAndTrendingCount() {
        Issue issue = FakeIssues.issue(WEEK, 10, List.of());

        RenderedIssue rendered = render(Map.of("paperwire.email.sections", "noteworthy trending",
                "paperwire.email.trending", "2"), issue);

        Document html = Jsoup.parse(rendered.html());
        assertThat(html.select("h2").eachText()).containsExactly("Also noteworthy", "Trending on Hugging Face");
        assertThat(html.select("td.rank")).hasSize(2);
        assertThat(rendered.text()).contains("TRENDING ON HUGGING FACE").doesNotContain("HIGHLIGHTS");
    }

    @Test
    void aBadLayoutSettingNamesTheKey() {
        assertThatThrownBy(() -> render(Map.of("paperwire.email.trending", "many"), FakeIssues.issue(WEEK, 2, List.of())))
                .isInstanceOf(PaperwireSettings.InvalidSettingsException.class)
                .hasMessageContaining("paperwire.email.trending = 'many'");
    }
}
