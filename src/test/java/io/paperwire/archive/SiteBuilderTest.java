package io.paperwire.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Week;
import io.paperwire.render.TemplateEngine;
import io.paperwire.render.TemplateException;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Json;
import io.paperwire.testing.FakeIssues;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.paperwire.testing.FakeIssues.HOSTILE_ID;
import static io.paperwire.testing.FakeIssues.HOSTILE_TITLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteBuilderTest {

    static final Week LAST = Week.parse("2024-W21");
    static final String BASE = "https://news.example.org/paperwire";

    @TempDir
    Path home;

    /** The archive of 24 issues, the newest with the hostile paper: built once, read by every test. */
    @TempDir
    static Path shared;
    static Path site;

    @org.junit.jupiter.api.BeforeAll
    static void publishOnce() {
        site = publish(shared);
    }

    private SiteBuilder builder() {
        return builder(home);
    }

    private static SiteBuilder builder(Path home) {
        return builder(home, Map.of());
    }

    private static SiteBuilder builder(Path home, Map<String, String> more) {
        Map<String, String> overrides = new java.util.HashMap<>(Map.of("paperwire.site.base-url", BASE,
                "paperwire.site.issues-per-page", "10", "paperwire.site.papers-per-tag-page", "20"));
        overrides.putAll(more);
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), overrides);
        return new SiteBuilder(new TemplateEngine(home.resolve("templates")), settings);
    }

    /** 24 issues, the newest with the hostile paper. */
    private static Path publish(Path home) {
        List<Issue> issues = new ArrayList<>(FakeIssues.generated(Week.containing(LAST.monday().minusWeeks(1)), 23, 6));
        issues.add(FakeIssues.issue(LAST, 6, List.of(FakeIssues.hostile(LAST))));
        SiteBuilder site = builder(home);
        site.build(issues).publish();
        return site.siteDir();
    }

    private static Document page(Path file) throws Exception {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    @Test
    void invitesReadersToSubscribeOnTheFrontAndEveryIssuePage() throws Exception {
        for (String file : List.of("index.html", "issues/2024-W21.html", "issues/2023-W50.html")) {
            Document page = page(site.resolve(file));
            assertThat(page.select("form.subscribe").attr("action")).as(file).isEqualTo(BASE + "/subscribe");
            assertThat(page.select("form.subscribe").attr("method")).as(file).isEqualTo("post");
            assertThat(page.select("form.subscribe input[type=email]").attr("name")).as(file).isEqualTo("email");
        }
        assertThat(page(site.resolve("tags.html")).select("form.subscribe")).isEmpty();
    }

    @Test
    void postsTheSubscribeFormToTheSubscribeUrlOrShowsNoneWhenNobodyTakesSubscriptions() throws Exception {
        List<Issue> issues = List.of(FakeIssues.issue(LAST, 2, List.of()));
        Path elsewhere = home.resolve("elsewhere");
        SiteBuilder toList = builder(elsewhere, Map.of("paperwire.site.serve", "false",
                "paperwire.site.subscribe-url", "https://list.example.org/join?list=ai&src=archive"));
        toList.build(issues).publish();
        assertThat(page(toList.siteDir().resolve("index.html")).select("form.subscribe").attr("action"))
                .isEqualTo("https://list.example.org/join?list=ai&src=archive");
        assertThat(Files.readString(toList.siteDir().resolve("issues/2024-W21.html")))
                .contains("action=\"https://list.example.org/join?list=ai&amp;src=archive\"");

        SiteBuilder closed = builder(home.resolve("closed"), Map.of("paperwire.site.serve", "false"));
        closed.build(issues).publish();
        assertThat(page(closed.siteDir().resolve("index.html")).select("form.subscribe")).isEmpty();
        assertThat(page(closed.siteDir().resolve("issues/2024-W21.html")).select("form.subscribe")).isEmpty();
    }

    @Test
    void pagesTheIndexNewestFirst() throws Exception {
        Document first = page(site.resolve("index.html"));
        assertThat(first.select("ol.issues li")).hasSize(10);
        assertThat(first.select("ol.issues a.issue-link").first().attr("href")).isEqualTo("issues/2024-W21.html");
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("index-2.html");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        Document last = page(site.resolve("index-3.html"));
        assertThat(last.select("ol.issues li")).hasSize(4);
        assertThat(last.select("a[rel=prev]").attr("href")).isEqualTo("index-2.html");
        assertThat(last.select("ol.issues a.issue-link").last().attr("href")).isEqualTo("issues/2023-W50.html");
    }

    @Test
    void givesEveryPaperAnAnchorAndEveryTopicAPage() throws Exception {
        Document issue = page(site.resolve("issues/2024-W20.html"));
        assertThat(issue.select("p.meta").first().text()).isEqualTo("The papers announced 2024-05-13 to 2024-05-17 on arXiv");
        assertThat(issue.select("article.paper")).hasSize(6).allSatisfy(a -> assertThat(a.id()).matches("\\d{4}\\.\\d{5}"));
        assertThat(issue.select("article.paper a.tag").eachAttr("href")).contains("../tags/cs-lg.html", "../tags/sparse-attention.html");
        assertThat(issue.select("a[rel=prev]").attr("href")).isEqualTo("2024-W21.html");
        assertThat(issue.select("a[rel=next]").attr("href")).isEqualTo("2024-W19.html");
        Document tag = page(site.resolve("tags/sparse-attention.html"));
        assertThat(tag.select("ul.papers li > a").first().attr("href")).matches("\\.\\./papers/\\d{4}\\.\\d{5}\\.html");
        assertThat(tag.select("ul.papers li .meta a").first().attr("href")).startsWith("../issues/2024-W21.html#");
        assertThat(page(site.resolve("tags.html")).select("ul.tag-cloud a").eachAttr("href")).contains("tags/cs-cl.html");
    }

    @Test
    void pagesATopicWithMorePapersThanAPageHoldsNewestFirst() throws Exception {
        // 48 papers under sparse-attention (two in each of 24 issues), 20 a page.
        Document first = page(site.resolve("tags/sparse-attention.html"));
        assertThat(first.select("p.meta").text()).isEqualTo("48 papers");
        assertThat(first.select("ul.papers li")).hasSize(20);
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("sparse-attention.page-2.html");
        Document last = page(site.resolve("tags/sparse-attention.page-3.html"));
        assertThat(last.select("ul.papers li")).hasSize(8);
        assertThat(last.select("a[rel=prev]").attr("href")).isEqualTo("sparse-attention.page-2.html");
        assertThat(last.select("a[rel=next]")).isEmpty();
        assertThat(last.select("ul.papers a").last().attr("href")).startsWith("../issues/2023-W50.html#");
        assertThat(last.title()).contains("page 3");
        assertThat(site.resolve("tags/sparse-attention.page-4.html")).doesNotExist();
        // Every topic's first page: at most 20 papers, and a pager exactly when the topic has more.
        int onOnePage = 0;
        try (var files = Files.list(site.resolve("tags"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().contains(".page-")).toList()) {
                Document topic = page(file);
                int papers = Integer.parseInt(topic.select("p.meta").text().replace(" papers", ""));
                assertThat(topic.select("ul.papers li")).hasSize(Math.min(20, papers));
                assertThat(topic.select("nav.pager").isEmpty()).as(file.toString()).isEqualTo(papers <= 20);
                onOnePage += papers <= 20 ? 1 : 0;
            }
        }
        assertThat(onOnePage).as("topics that fit on one page").isPositive();
    }

    @Test
    void usesOnlyRelativeLinksBetweenPages() throws Exception {
        for (String name : List.of("index.html", "issues/2024-W21.html", "tags/cs-lg.html", "search.html", "tags.html")) {
            Document doc = page(site.resolve(name));
            assertThat(doc.select("a[href], link[href], script[src]")).allSatisfy(e -> {
                String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                if (!url.startsWith("https://arxiv.org/") && !url.startsWith("https://huggingface.co/")
                        && !url.startsWith("https://github.com/")) {
                    assertThat(url).as(name + ": " + e.outerHtml()).doesNotStartWith("/").doesNotContain("://");
                }
            });
        }
    }

    @Test
    void writesAnAtomFeedThatRomeParses() throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(site.resolve("feed.xml").toFile()));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).hasSize(Feeds.FEED_ISSUES);
        SyndEntry newest = feed.getEntries().get(0);
        assertThat(newest.getLink()).isEqualTo(BASE + "/issues/2024-W21.html");
        String content = newest.getContents().get(0).getValue();
        Document body = Jsoup.parse(content);
        assertThat(body.select("script, img, b")).isEmpty();
        assertThat(body.text()).contains(HOSTILE_TITLE);
        assertThat(body.select("a[href=" + BASE + "/issues/2024-W21.html#" + HOSTILE_ID + "]")).hasSize(1);
    }

    @Test
    void writesAJsonFeedOnePointOne() throws Exception {
        JsonNode feed = Json.MAPPER.readTree(site.resolve("feed.json").toFile());

        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("feed_url").asText()).isEqualTo(BASE + "/feed.json");
        assertThat(feed.path("items")).hasSize(Feeds.FEED_ISSUES);
        JsonNode newest = feed.path("items").get(0);
        assertThat(newest.path("id").asText()).isEqualTo(BASE + "/issues/2024-W21.html");
        assertThat(newest.path("date_published").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(newest.path("content_text").asText()).contains(HOSTILE_TITLE);
        Document html = Jsoup.parse(newest.path("content_html").asText());
        assertThat(html.select("script, img")).isEmpty();
        assertThat(html.text()).contains(HOSTILE_TITLE);
    }

    @Test
    void writesASitemapOfEveryPage() throws Exception {
        Document sitemap = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());
        List<String> urls = sitemap.select("url > loc").eachText();
        assertThat(urls).contains(BASE + "/index.html", BASE + "/index-3.html", BASE + "/issues/2023-W50.html",
                BASE + "/tags/cs-lg.html", BASE + "/tags/sparse-attention.page-3.html", BASE + "/tags.html");
        for (String url : urls) {
            assertThat(site.resolve(url.substring(BASE.length() + 1))).exists();
        }
    }

    @Test
    void writesASearchIndexOfEveryPaperAsPlainText() throws Exception {
        JsonNode index = Json.MAPPER.readTree(site.resolve("search.json").toFile());
        assertThat(index).hasSize(24 * 6 + 1);
        JsonNode hostile = null;
        for (JsonNode entry : index) {
            if (entry.path("u").asText().endsWith("#" + HOSTILE_ID)) {
                hostile = entry;
            }
        }
        assertThat(hostile).isNotNull();
        assertThat(hostile.path("t").asText()).isEqualTo(HOSTILE_TITLE);
        assertThat(hostile.path("u").asText()).isEqualTo("issues/2024-W21.html#" + HOSTILE_ID);
        assertThat(hostile.path("p").asText()).isEqualTo("papers/" + HOSTILE_ID + ".html");
        String script = Files.readString(site.resolve("assets/search-index.js"), StandardCharsets.UTF_8);
        assertThat(script).startsWith("window.PAPERWIRE_SEARCH = [").endsWith(";\n");
        assertThat(Files.readString(site.resolve("assets/search.js"))).contains("textContent").doesNotContain("innerHTML");
    }

    @Test
    void rendersHostileTextAsPlainTextOnEveryPage() throws Exception {
        for (String name : List.of("index.html", "issues/2024-W21.html", "tags/cs-lg.html", "tags/script-x-script.html",
                "papers/" + HOSTILE_ID + ".html")) {
            Document doc = page(site.resolve(name));
            // the only script is the site's own math typesetter, in the head
            assertThat(doc.select("script, img, iframe, b")).as(name)
                    .allSatisfy(e -> assertThat(e.outerHtml()).isEqualTo("<script defer src=\"" + (name.contains("/") ? "../" : "")
                            + "assets/math.js\"></script>"));
            assertThat(doc.select("a[href]")).allSatisfy(a ->
                    assertThat(a.attr("href").toLowerCase()).as(name).doesNotContain("javascript:"));
            assertThat(doc.text()).as(name).contains(HOSTILE_TITLE);
        }
        Document issue = page(site.resolve("issues/2024-W21.html"));
        assertThat(issue.getElementById(HOSTILE_ID).select(".links a").eachText())
                .containsExactly("Paper page", "arXiv", "PDF", "Hugging Face");
    }

    @Test
    void publishesKatexWithEveryFontItsStyleSheetNamesAndLoadsItFromEveryPage() throws Exception {
        Path katex = site.resolve("assets/katex");
        for (String file : List.of("katex.min.js", "katex.min.css", "contrib/auto-render.min.js", "LICENSE")) {
            assertThat(katex.resolve(file)).as(file).isNotEmptyFile();
        }
        java.util.regex.Matcher font = java.util.regex.Pattern.compile("url\\((fonts/[^)]+\\.woff2)\\)")
                .matcher(Files.readString(katex.resolve("katex.min.css")));
        int fonts = 0;
        while (font.find()) {
            assertThat(katex.resolve(font.group(1))).as(font.group(1)).isNotEmptyFile();
            fonts++;
        }
        assertThat(fonts).as("woff2 fonts named by katex.min.css").isGreaterThanOrEqualTo(15);
        assertThat(Files.readString(katex.resolve("LICENSE"))).contains("MIT License");
        assertThat(site.resolve("assets/math.js")).isNotEmptyFile();

        Document issue = page(site.resolve("issues/2024-W21.html"));
        assertThat(issue.select("head script[src]").eachAttr("src")).containsExactly("../assets/math.js");
        assertThat(page(site.resolve("index.html")).select("head script[src]").eachAttr("src"))
                .containsExactly("assets/math.js");
        assertThat(issue.select("article.paper h3 a.tex")).hasSizeGreaterThan(1);
        assertThat(issue.select("article.paper .tldr.tex")).hasSizeGreaterThan(1);
    }

    @Test
    void aTemplateErrorLeavesThePublishedSiteUntouched() throws Exception {
        Path site = publish(home);
        byte[] before = Files.readAllBytes(site.resolve("issues/2024-W21.html"));
        Path broken = home.resolve("templates/site/tag.ftlh");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "<h1>${tag.nmae}</h1>");

        assertThatThrownBy(() -> builder().build(FakeIssues.generated(LAST, 2, 2)))
                .isInstanceOf(TemplateException.class).hasMessageContaining("site/tag.ftlh:1:").hasMessageContaining("tag.nmae");

        assertThat(Files.readAllBytes(site.resolve("issues/2024-W21.html"))).isEqualTo(before);
        try (var siblings = Files.list(site.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
        }
    }
}
