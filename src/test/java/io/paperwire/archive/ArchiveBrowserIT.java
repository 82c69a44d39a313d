package io.paperwire.archive;

import io.paperwire.paper.Issue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.render.RenderStage;
import io.paperwire.render.TemplateEngine;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.testing.FakeIssues;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import static io.paperwire.testing.FakeIssues.HOSTILE_ID;
import static io.paperwire.testing.FakeIssues.HOSTILE_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive as a reader sees it: built from 25 issues (one with a hostile paper), served over HTTP under a path
 * prefix from 127.0.0.1, crawled for broken links, and loaded in real headless Chromium (skipped, with a message,
 * where Debian's chromium and chromium-driver are not installed). Screenshots go to {@code target/browser/}.
 */
class ArchiveBrowserIT {

    static final String PREFIX = "some/prefix/";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser");

    @TempDir
    static Path home;

    static StaticSiteServer server;
    static Path siteFolder;
    static URI site;
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void publishAndServe() throws Exception {
        Week last = Week.parse("2024-W21");
        List<Issue> issues = new ArrayList<>(FakeIssues.generated(Week.containing(last.monday().minusWeeks(1)), 24, 20));
        Issue newest = FakeIssues.issue(last, 19, List.of(FakeIssues.hostile(last)));
        issues.add(newest);
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(),
                Map.of("paperwire.site.base-url", "https://news.example.org/paperwire"));
        TemplateEngine templates = new TemplateEngine(home.resolve("templates"));
        Path root = home.resolve("www");
        siteFolder = root.resolve(PREFIX.substring(0, PREFIX.length() - 1));
        new SiteBuilder(templates, settings, siteFolder).build(issues).publish();
        RenderedIssue email = new RenderStage(templates, settings, s -> 1, Clock.systemUTC())
                .renderEmail(RunRequest.of(last), 0, newest);
        Files.writeString(root.resolve("email.html"), email.html(), StandardCharsets.UTF_8);
        server = StaticSiteServer.start(root, 0);
        site = server.uri().resolve(PREFIX);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static WebDriver browser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium not installed (apt-get install chromium chromium-driver; .ci/run does it): browser checks skipped");
        if (browser == null) {
            profile = Files.createTempDirectory("paperwire-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1200,1600", "--user-data-dir=" + profile);
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }
        return browser;
    }

    private static List<String> consoleErrors(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
    }

    private static void screenshot(WebDriver driver, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void indexIssueAndTagPagesRenderWithoutConsoleErrors() throws Exception {
        WebDriver driver = browser();
        String firstPaper = FakeIssues.paper(Week.parse("2024-W21"), 0).paper().id().fileSafe();
        Map<String, String> pages = Map.of("index", "index.html", "issue", "issues/2024-W21.html",
                "tag", "tags/sparse-attention.html", "older", "index-2.html", "paper", "papers/" + firstPaper + ".html");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            driver.get(site.resolve(page.getValue()).toString());
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(page.getKey()).isNotBlank();
            assertThat(consoleErrors(driver)).as("console of " + page.getValue()).isEmpty();
            screenshot(driver, "archive-" + page.getKey());
        }
        driver.get(site.resolve("issues/2024-W21.html#" + HOSTILE_ID).toString());
        WebElement hostile = driver.findElement(By.id(HOSTILE_ID));
        assertThat(hostile.findElement(By.cssSelector("h3 a")).getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(driver.findElements(By.cssSelector("main script"))).isEmpty();
        hostile.findElement(By.linkText("Paper page")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/" + PREFIX + "papers/" + HOSTILE_ID + ".html");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(driver.findElements(By.cssSelector("main script, main img, main iframe"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("ol.related li a"))).hasSize(5);
        assertThat(consoleErrors(driver)).isEmpty();
        screenshot(driver, "archive-paper-hostile");
    }

    @Test
    void searchFindsAPaperByAWordOfItsTitleAndLinksToItsPageAndItsAnchor() throws Exception {
        WebDriver driver = browser();
        driver.get(site.resolve("search.html").toString());
        driver.findElement(By.id("q")).sendKeys("zebrafish");
        List<WebElement> results = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> {
                    List<WebElement> found = d.findElements(By.cssSelector("#search-results li > a"));
                    return found.isEmpty() ? null : found;
                });
        assertThat(results).hasSize(1);
        assertThat(results.get(0).getText()).isEqualTo(HOSTILE_TITLE);
        screenshot(driver, "archive-search");

        driver.findElement(By.id("q")).clear();
        driver.findElement(By.id("q")).sendKeys("tokenizers week 2024-W10");
        assertThat(driver.findElement(By.id("search-status")).getText()).isEqualTo("4 papers match.");
        WebElement result = driver.findElement(By.cssSelector("#search-results li"));
        String title = result.findElement(By.cssSelector("a")).getText();
        result.findElement(By.cssSelector("a.issue")).click();
        assertThat(driver.getCurrentUrl()).contains("/" + PREFIX + "issues/2024-W10.html#");
        String anchor = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('#') + 1);
        assertThat(driver.findElement(By.id(anchor)).getText()).contains("Tokenizers");
        driver.navigate().back();
        driver.findElement(By.id("q")).clear();
        driver.findElement(By.id("q")).sendKeys("tokenizers week 2024-W10");
        driver.findElement(By.cssSelector("#search-results li > a")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/" + PREFIX + "papers/" + anchor + ".html");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void theArchiveWorksOpenedFromFiles() throws Exception {
        WebDriver driver = browser();
        driver.get(siteFolder.resolve("index.html").toUri().toString());
        driver.findElement(By.cssSelector("ol.issues a.issue-link")).click();
        assertThat(driver.getCurrentUrl()).startsWith("file:").endsWith("/issues/2024-W21.html");
        driver.findElement(By.linkText("Search")).click();
        driver.findElement(By.id("q")).sendKeys("zebrafish");
        assertThat(driver.findElement(By.id("search-status")).getText()).isEqualTo("1 paper matches.");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void theEmailRendersAsLaidOut() throws Exception {
        WebDriver driver = browser();
        driver.get(server.uri().resolve("email.html").toString());
        WebElement card = driver.findElement(By.cssSelector("table.card"));
        assertThat(card.getSize().getWidth()).isBetween(560, 602);
        assertThat(driver.findElement(By.cssSelector(".preheader")).isDisplayed()).isFalse();
        // Mail clients fetch no favicon; the browser does, from a server that has none.
        assertThat(consoleErrors(driver)).filteredOn(e -> !e.contains("/favicon.ico")).isEmpty();
        screenshot(driver, "email");
    }

    @Test
    void aCrawlOfEveryInternalLinkFindsNoBrokenLink() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Deque<URI> queue = new ArrayDeque<>(List.of(site.resolve("index.html")));
        Set<URI> seen = new LinkedHashSet<>(queue);
        Map<URI, Set<String>> anchorsWanted = new HashMap<>();
        Map<URI, Document> pages = new HashMap<>();
        List<String> broken = new ArrayList<>();
        while (!queue.isEmpty()) {
            URI url = queue.poll();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                broken.add(response.statusCode() + " " + url);
                continue;
            }
            if (!url.getPath().endsWith(".html")) {
                continue;
            }
            Document doc = Jsoup.parse(response.body(), url.toString());
            pages.put(url, doc);
            for (Element link : doc.select("a[href], link[href], script[src]")) {
                String target = link.absUrl(link.hasAttr("src") ? "src" : "href");
                if (!target.startsWith(server.uri().toString())) {
                    continue;
                }
                URI uri = URI.create(target);
                assertThat(uri.getPath()).as("link %s on %s stays under the prefix", target, url).startsWith("/" + PREFIX);
                URI page = URI.create(uri.getScheme() + "://" + uri.getAuthority() + uri.getPath());
                if (uri.getFragment() != null) {
                    anchorsWanted.computeIfAbsent(page, k -> new LinkedHashSet<>()).add(uri.getFragment());
                }
                if (seen.add(page)) {
                    queue.add(page);
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(seen).hasSizeGreaterThan(25 + 2);
        List<URI> paperPages = seen.stream().filter(u -> u.getPath().startsWith("/" + PREFIX + "papers/")).toList();
        assertThat(paperPages).as("every paper's page was reached").hasSize(24 * 20 + 20);
        String sitemap = Files.readString(siteFolder.resolve("sitemap.xml"));
        for (URI paperPage : paperPages) {
            assertThat(pages.get(paperPage).select("ol.related a")).as("related on %s", paperPage).hasSize(5);
            assertThat(sitemap).contains("<loc>https://news.example.org/paperwire/"
                    + paperPage.getPath().substring(("/" + PREFIX).length()) + "</loc>");
        }
        assertThat(seen).contains(site.resolve("index-2.html"), site.resolve("feed.xml"), site.resolve("feed.json"),
                site.resolve("search.html"), site.resolve("assets/search.js"), site.resolve("assets/search-index.js"));
        anchorsWanted.forEach((page, anchors) -> anchors.forEach(anchor ->
                assertThat(pages.get(page).getElementById(anchor)).as("#%s on %s", anchor, page).isNotNull()));
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(site.resolve("nope.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }
}
