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
import io.paperwire.render.TemplateEngine;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.testing.FakeIssues;
import io.paperwire.testing.SampleRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Math on the archive as a reader sees it in headless Chromium: the sample week's issue page (from
 * {@code run --sample}) and a small archive of math-heavy, prose-dollar and hostile titles, both served over HTTP.
 * KaTeX typesets the paper text's math; without JavaScript the TeX source reads as written. Screenshots go to
 * {@code target/browser/}. Skipped, with a message, where chromium and chromium-driver are not installed.
 */
class SiteMathBrowserIT {

    /** Inline math between dollars, or a TeX command, as a reader would see it raw. */
    static final Pattern RAW_TEX = Pattern.compile("\\$[^$\\s][^$]*\\$|\\\\[a-zA-Z]+");
    static final String MATH_ID = "2405.77701";
    static final String PROSE_ID = "2405.77702";
    static final String HOSTILE_MATH_ID = "2405.77703";
    static final String MATH_TITLE = "$\\mathcal{O}(1/\\sqrt{T})$ Regret for $\\ell_2$-Bounded $\\alpha$-Entmax Bandits";
    static final String PROSE_TLDR = "Labelling costs $5 and $10 per item, and $\\varepsilon = 1$ privacy holds.";
    static final String HOSTILE_MATH_TITLE =
            "$\\href{javascript:alert(1)}{click}$ and $\\htmlClass{evil}{x}$ and $\\url{javascript:alert(2)}$ Attacks";

    @TempDir
    static Path home;

    static StaticSiteServer sampleServer;
    static StaticSiteServer fixtureServer;
    static WebDriver browser;
    static WebDriver noScriptBrowser;
    static final List<Path> profiles = new ArrayList<>();

    @BeforeAll
    static void publishAndServe() {
        sampleServer = StaticSiteServer.start(SampleRun.home().resolve("out/site"), 0);
        Week week = Week.parse("2024-W21");
        Issue issue = FakeIssues.issue(week, 4, List.of(paper(MATH_ID, MATH_TITLE,
                        "We bound regret by $\\mathcal{O}(1/\\sqrt{T})$ for $x \\in \\mathbb{R}^d$.",
                        "The estimator is $\\sqrt{n}$-consistent and uses $64 \\times 64$ patches."),
                paper(PROSE_ID, "Cheap Labels for Private Fine-Tuning", PROSE_TLDR, "A summary without math."),
                paper(HOSTILE_MATH_ID, HOSTILE_MATH_TITLE, "It injects $\\href{javascript:alert(3)}{here}$ too.", "")));
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(),
                Map.of("paperwire.site.base-url", "https://news.example.org/paperwire"));
        Path site = home.resolve("site");
        new SiteBuilder(new TemplateEngine(home.resolve("templates")), settings, site).build(List.of(issue)).publish();
        fixtureServer = StaticSiteServer.start(site, 0);
    }

    private static SelectedPaper paper(String id, String title, String tldr, String summary) {
        Week week = Week.parse("2024-W21");
        Paper paper = new Paper(ArxivId.of(id), 1, title, summary, List.of(Author.named("Emmy Noether")), "cs.LG",
                List.of("cs.LG"), week.submissionsFrom(), week.submissionsFrom(), "", "", "", Signals.NONE);
        return new SelectedPaper(paper, 50, List.of("rank 1"),
                new Summary(tldr, summary, List.of(), "", "", List.of("Bandits"), "extractive", false));
    }

    @AfterAll
    static void stop() {
        for (WebDriver driver : new WebDriver[] {browser, noScriptBrowser}) {
            if (driver != null) {
                driver.quit();
            }
        }
        for (StaticSiteServer server : new StaticSiteServer[] {sampleServer, fixtureServer}) {
            if (server != null) {
                server.close();
            }
        }
    }

    static WebDriver chromium(boolean javascript) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ArchiveBrowserIT.CHROMIUM) && Files.isExecutable(ArchiveBrowserIT.CHROMEDRIVER),
                "headless Chromium not installed (apt-get install chromium chromium-driver; .ci/run does it): browser checks skipped");
        Path profile = Files.createTempDirectory("paperwire-chromium-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ArchiveBrowserIT.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,1600", "--user-data-dir=" + profile);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ArchiveBrowserIT.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static WebDriver browser() throws Exception {
        if (browser == null) {
            browser = chromium(true);
        }
        return browser;
    }

    /** Opens a page and waits until math.js has typeset it. */
    static void openTypeset(WebDriver driver, URI page) {
        driver.get(page.toString());
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "typeset".equals(
                d.findElement(By.tagName("html")).getDomAttribute("data-math")));
    }

    static List<String> consoleProblems(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
    }

    static void screenshot(WebElement element, String name) throws Exception {
        Files.createDirectories(ArchiveBrowserIT.SCREENSHOTS);
        File shot = element.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), ArchiveBrowserIT.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The math spans ("$\\alpha$") of the page's paper text, read from the HTML as served (before any script). */
    private static List<String> mathSpansIn(String html) {
        List<String> spans = new ArrayList<>();
        for (Element tex : Jsoup.parse(html).select(".tex")) {
            for (Element element : tex.getAllElements()) {
                for (TextNode node : element.textNodes()) {
                    String text = node.getWholeText();
                    List<Integer> at = MathDelimiters.of(text).keySet().stream().sorted().toList();
                    for (int i = 0; i + 1 < at.size(); i += 2) {
                        spans.add(text.substring(at.get(i), at.get(i + 1) + MathDelimiters.of(text).get(at.get(i + 1))));
                    }
                }
            }
        }
        return spans;
    }

    @Test
    void theSampleIssuePageTypesetsTheMathOfItsPaperText() throws Exception {
        URI page = sampleServer.uri().resolve("issues/2024-W21.html");
        String served = Files.readString(SampleRun.home().resolve("out/site/issues/2024-W21.html"));
        List<String> spans = mathSpansIn(served);
        assertThat(spans).as("the sample week's issue page has math in its paper text").isNotEmpty();

        WebDriver driver = browser();
        openTypeset(driver, page);
        List<WebElement> typeset = driver.findElements(By.cssSelector(".tex .katex"));
        assertThat(typeset).hasSize(spans.size());
        assertThat(driver.findElements(By.cssSelector(".katex-error"))).isEmpty();
        String visible = driver.findElement(By.tagName("main")).getText();
        assertThat(RAW_TEX.matcher(visible).results().map(m -> m.group()).toList()).as("raw TeX left visible").isEmpty();
        assertThat(consoleProblems(driver)).isEmpty();
        WebElement paper = typeset.get(0).findElement(By.xpath("ancestor::article"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", paper);
        screenshot(paper, "math-sample-issue");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                ArchiveBrowserIT.SCREENSHOTS.resolve("math-sample-issue-window.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void titlesAndSummariesWithMathAreTypesetWithKatexFontsServedAsWoff2() throws Exception {
        WebDriver driver = browser();
        openTypeset(driver, fixtureServer.uri().resolve("issues/2024-W21.html"));
        WebElement paper = driver.findElement(By.id(MATH_ID));
        assertThat(paper.findElements(By.cssSelector("h3 .katex"))).hasSize(3);
        assertThat(paper.findElements(By.cssSelector(".tldr .katex"))).hasSize(2);
        assertThat(paper.findElement(By.cssSelector("h3 a")).getText()).contains("Regret for", "Bandits")
                .doesNotContain("$", "\\");
        assertThat(consoleProblems(driver)).isEmpty();
        Object fontsLoaded = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[0]; document.fonts.ready.then(function () {"
                        + " done(document.fonts.check('16px KaTeX_Main') && document.fonts.check('16px KaTeX_Math')); });");
        assertThat(fontsLoaded).as("KaTeX's fonts loaded from assets/katex/fonts").isEqualTo(true);
        screenshot(paper, "math-fixture-paper");

        HttpResponse<Void> font = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                fixtureServer.uri().resolve("assets/katex/fonts/KaTeX_Main-Regular.woff2")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(font.statusCode()).isEqualTo(200);
        assertThat(font.headers().firstValue("Content-Type")).contains("font/woff2");
    }

    @Test
    void aDollarInProseStaysAsWritten() throws Exception {
        WebDriver driver = browser();
        openTypeset(driver, fixtureServer.uri().resolve("issues/2024-W21.html"));
        WebElement tldr = driver.findElement(By.id(PROSE_ID)).findElement(By.cssSelector(".tldr"));
        assertThat(tldr.findElements(By.cssSelector(".katex"))).hasSize(1);
        assertThat(tldr.getText().replaceAll("\\s+", " "))
                .startsWith("TL;DR Labelling costs $5 and $10 per item, and ε").endsWith("privacy holds.");
        screenshot(tldr, "math-prose-dollars");
    }

    @Test
    void aHostileTitleInMathStaysInert() throws Exception {
        WebDriver driver = browser();
        openTypeset(driver, fixtureServer.uri().resolve("issues/2024-W21.html"));
        WebElement paper = driver.findElement(By.id(HOSTILE_MATH_ID));
        assertThat(paper.findElements(By.cssSelector(".katex a, .katex [href], .evil"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("a[href^='javascript' i]"))).isEmpty();
        assertThat(paper.findElement(By.cssSelector("h3")).getText()).contains("Attacks");
        assertThat(consoleProblems(driver)).isEmpty();
        screenshot(paper, "math-hostile");
    }

    @Test
    void withoutJavaScriptThePageShowsTheTexSourceAsWritten() throws Exception {
        if (noScriptBrowser == null) {
            noScriptBrowser = chromium(false);
        }
        WebDriver driver = noScriptBrowser;
        driver.get(sampleServer.uri().resolve("issues/2024-W21.html").toString());
        assertThat(driver.findElements(By.cssSelector(".katex"))).isEmpty();
        List<String> spans = mathSpansIn(Files.readString(SampleRun.home().resolve("out/site/issues/2024-W21.html")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(spans);

        driver.get(fixtureServer.uri().resolve("issues/2024-W21.html").toString());
        assertThat(driver.findElement(By.id(MATH_ID)).findElement(By.cssSelector("h3 a")).getText())
                .isEqualTo(MATH_TITLE);
        assertThat(driver.findElement(By.id(PROSE_ID)).findElement(By.cssSelector(".tldr")).getText())
                .isEqualTo("TL;DR " + PROSE_TLDR);
        screenshot(driver.findElement(By.id(MATH_ID)), "math-without-javascript");
    }
}
