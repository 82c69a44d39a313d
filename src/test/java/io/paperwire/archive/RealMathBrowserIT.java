package io.paperwire.archive;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Paper;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Signals;
import io.paperwire.paper.Summary;
import io.paperwire.paper.Week;
import io.paperwire.render.MathDelimiters;
import io.paperwire.render.RealTitlesMathTextTest;
import io.paperwire.render.TemplateEngine;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.testing.FakeIssues;
import io.paperwire.testing.UsesRealRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every title and abstract with math in the real arXiv and Hugging Face recordings, published as paper titles and
 * TL;DRs of one issue and opened in headless Chromium: KaTeX typesets each math span, none fails to parse, and no raw
 * {@code $…$} is left in the visible text.
 */
@UsesRealRecordings
class RealMathBrowserIT {

    @TempDir
    Path home;

    @Test
    void everyRealTitleAndAbstractWithMathIsTypeset() throws Exception {
        List<String> withMath = new ArrayList<>(new LinkedHashSet<>(RealTitlesMathTextTest.realTitlesAndAbstracts()
                .stream().filter(t -> !MathDelimiters.of(t).isEmpty()).toList()));
        assertThat(withMath).as("recorded texts with math").hasSizeGreaterThan(10);
        Week week = Week.parse("2024-W21");
        List<SelectedPaper> papers = new ArrayList<>();
        int spans = 0;
        for (int n = 0; n < withMath.size(); n++) {
            String text = withMath.get(n);
            spans += MathDelimiters.of(text).size() / 2;
            Paper paper = new Paper(ArxivId.of(String.format("2405.%05d", 50000 + n)), 1, "Paper " + n, text,
                    List.of(Author.named("Real Author")), "cs.LG", List.of("cs.LG"), week.submissionsFrom(),
                    week.submissionsFrom(), "", "", "", Signals.NONE);
            papers.add(new SelectedPaper(paper, 50, List.of("rank"),
                    new Summary(text, "", List.of(), "", "", List.of("Real"), "extractive", false)));
        }
        Issue issue = FakeIssues.issue(week, 0, papers);
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(),
                Map.of("paperwire.site.base-url", "https://news.example.org/paperwire"));
        Path site = home.resolve("site");
        new SiteBuilder(new TemplateEngine(home.resolve("templates")), settings, site).build(List.of(issue)).publish();

        WebDriver driver = SiteMathBrowserIT.chromium(true);
        try (StaticSiteServer server = StaticSiteServer.start(site, 0)) {
            SiteMathBrowserIT.openTypeset(driver, server.uri().resolve("issues/2024-W21.html"));
            assertThat(driver.findElements(By.cssSelector(".tldr .katex"))).hasSize(spans);
            List<String> errors = driver.findElements(By.cssSelector(".katex-error")).stream()
                    .map(e -> e.getDomAttribute("title")).toList();
            assertThat(errors).as("KaTeX parse errors").isEmpty();
            WebElement main = driver.findElement(By.tagName("main"));
            List<String> rawMath = new ArrayList<>();
            for (WebElement tldr : main.findElements(By.cssSelector(".tldr"))) {
                MathDelimiters.of(tldr.getText()).keySet().forEach(at -> rawMath.add(tldr.getText()));
            }
            assertThat(rawMath).as("visible text still holding paired $…$").isEmpty();
            assertThat(SiteMathBrowserIT.consoleProblems(driver)).isEmpty();
            SiteMathBrowserIT.screenshot(main.findElement(By.cssSelector("article.paper")), "math-real-first-paper");
        } finally {
            driver.quit();
        }
    }
}
