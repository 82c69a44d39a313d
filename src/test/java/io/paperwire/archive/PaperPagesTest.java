package io.paperwire.archive;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Paper;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Week;
import io.paperwire.render.TemplateEngine;
import io.paperwire.select.Embedder;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.testing.FakeIssues;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.paperwire.testing.FakeIssues.HOSTILE_ID;
import static io.paperwire.testing.FakeIssues.HOSTILE_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

class PaperPagesTest {

    static final Week LAST = Week.parse("2024-W21");

    @TempDir
    Path home;

    /** Words hashed into 64 dimensions: papers on the same topic are near, and nothing loads a model. */
    static final class WordsEmbedder implements Embedder {
        final AtomicInteger texts = new AtomicInteger();

        @Override
        public List<float[]> embed(List<String> batch) {
            texts.addAndGet(batch.size());
            return batch.stream().map(text -> {
                float[] v = new float[64];
                for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                    if (!word.isEmpty()) {
                        v[Math.floorMod(word.hashCode(), 64)] += 1;
                    }
                }
                return v;
            }).toList();
        }
    }

    final WordsEmbedder embedder = new WordsEmbedder();
    final PaperVectors vectors = PaperVectors.inMemory(() -> embedder);

    private SiteBuilder site() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(),
                Map.of("paperwire.site.base-url", "https://news.example.org/paperwire"));
        return new SiteBuilder(new TemplateEngine(home.resolve("templates")), settings, home.resolve("out/site"), vectors,
                List::of);
    }

    /** {@code count} weekly issues of 20 papers ending with {@code last}. */
    static List<Issue> weeks(Week last, int count) {
        return FakeIssues.generated(last, count, 20);
    }

    static Document page(Path file) throws Exception {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    static Set<ArxivId> ids(Issue issue) {
        return issue.papers().map(p -> p.paper().id()).collect(Collectors.toSet());
    }

    /** The ids a paper page lists as related, from its links. */
    static List<ArxivId> relatedOn(Path page) throws Exception {
        return page(page).select("ol.related a").stream()
                .map(a -> new ArxivId(a.attr("href").replace(".html", "").replace('_', '/'))).toList();
    }

    @Test
    void everyPaperOfEveryIssueHasAPageLinkedFromItsIssueWithFiveRelatedPapersThatExist() throws Exception {
        List<Issue> issues = new ArrayList<>(weeks(Week.containing(LAST.monday().minusWeeks(1)), 2));
        issues.add(FakeIssues.issue(LAST, 19, List.of(FakeIssues.hostile(LAST))));
        SiteBuilder site = site();
        site.build(issues).publish();
        Path root = site.siteDir();

        for (Issue issue : issues) {
            Document issuePage = page(root.resolve("issues/" + issue.slug() + ".html"));
            for (SelectedPaper selected : issue.papers().toList()) {
                ArxivId id = selected.paper().id();
                Element article = issuePage.getElementById(id.value());
                assertThat(article).as("anchor of %s", id).isNotNull();
                assertThat(article.select("a.anchor").attr("href")).isEqualTo("#" + id.value());
                String link = article.select(".links a.page-link").attr("href");
                assertThat(link).isEqualTo("../papers/" + id.fileSafe() + ".html");
                Path paperPage = root.resolve("issues").resolve(link).normalize();
                assertThat(paperPage).exists();

                Document paper = page(paperPage);
                assertThat(paper.select("h1").text()).isEqualTo(selected.paper().title());
                assertThat(paper.select(".featured a").attr("href"))
                        .isEqualTo("../issues/" + issue.slug() + ".html#" + id.value());
                List<Element> related = paper.select("ol.related a");
                assertThat(related).as("related of %s", id).hasSize(5);
                for (Element r : related) {
                    assertThat(paperPage.resolveSibling(r.attr("href"))).as("related page %s", r.attr("href")).exists();
                    assertThat(r.attr("href")).isNotEqualTo(id.fileSafe() + ".html");
                }
            }
        }
        assertThat(embedder.texts.get()).isEqualTo(60);
    }

    @Test
    void aPaperPageShowsWhatTheNewsletterSaidItsLinksAndTheNearestPapersOfItsTopic() throws Exception {
        List<Issue> issues = weeks(LAST, 3);
        SiteBuilder site = site();
        site.build(issues).publish();
        SelectedPaper first = issues.get(2).papers().findFirst().orElseThrow();
        Document page = page(site.siteDir().resolve(PaperPages.path(first.paper().id())));

        assertThat(page.select("title").text()).startsWith(first.paper().title() + " — ");
        assertThat(page.select(".byline").text()).isEqualTo(first.paper().authorNames());
        assertThat(page.select(".tldr").text()).contains(first.summary().tldr());
        assertThat(page.select(".summary").text()).isEqualTo(first.summary().summary());
        assertThat(page.select("ul.points li")).hasSize(first.summary().keyPoints().size());
        assertThat(page.select(".critique").text()).contains(first.summary().critique());
        assertThat(page.select(".links a").eachAttr("href")).containsExactly(first.paper().absUrl(),
                first.paper().pdfUrl(), "https://arxiv.org/html/" + first.paper().id().value(),
                first.paper().huggingFaceUrl(), first.paper().signals().githubRepo());
        assertThat(page.select(".meta").text()).contains(first.paper().signals().upvotes() + " upvotes");
        assertThat(page.select("a.tag").eachAttr("href")).contains("../tags/sparse-attention.html", "../tags/cs-lg.html");
        assertThat(page.select("ol.related a").eachText()).as("papers of the same topic are nearest")
                .filteredOn(title -> title.startsWith("Sparse Attention")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aHostileTitleStaysTextOnItsPageAndItsHostileLinksAreDropped() throws Exception {
        List<Issue> issues = new ArrayList<>(weeks(Week.containing(LAST.monday().minusWeeks(1)), 1));
        issues.add(FakeIssues.issue(LAST, 6, List.of(FakeIssues.hostile(LAST))));
        SiteBuilder site = site();
        site.build(issues).publish();
        Path file = site.siteDir().resolve(PaperPages.path(ArxivId.of(HOSTILE_ID)));
        String html = Files.readString(file, StandardCharsets.UTF_8);
        Document page = page(file);

        assertThat(page.select("h1").text()).isEqualTo(HOSTILE_TITLE);
        assertThat(page.body().select("script, img, iframe, b")).isEmpty();
        assertThat(page.select("script").eachAttr("src")).as("the site's own math.js only").containsExactly("../assets/math.js");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("49").contains("${7*7}");
        assertThat(page.select("a[href]").eachAttr("href")).noneMatch(href -> href.toLowerCase(Locale.ROOT).startsWith("javascript"));
        // Every other paper page that lists it shows the title as text too.
        try (Stream<Path> pages = Files.list(site.siteDir().resolve("papers"))) {
            for (Path other : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                assertThat(page(other).select("main script, main img")).as(other.toString()).isEmpty();
            }
        }
    }

    @Test
    void publishingANewIssueRendersItsPapersAndOnlyTheOlderPagesWhoseRelatedPapersChanged() throws Exception {
        List<Issue> all = weeks(LAST, 3);
        SiteBuilder site = site();
        SiteBuilder.Build first = site.build(all.subList(0, 2));
        first.publish();
        assertThat(first.papers().rendered()).hasSize(40);
        assertThat(first.papers().allPairs()).isTrue();
        Path papers = site.siteDir().resolve("papers");
        Map<Path, String> before = new java.util.HashMap<>();
        Map<Path, java.nio.file.attribute.FileTime> modified = new java.util.HashMap<>();
        for (Issue issue : all.subList(0, 2)) {
            for (ArxivId id : ids(issue)) {
                Path file = papers.resolve(id.fileSafe() + ".html");
                before.put(file, Files.readString(file));
                modified.put(file, Files.getLastModifiedTime(file));
            }
        }
        Thread.sleep(20); // a page written again would get a later modification time

        SiteBuilder.Build second = site.build(all);
        second.publish();

        Set<ArxivId> added = ids(all.get(2));
        Set<ArxivId> expected = new HashSet<>(added);
        for (Path file : before.keySet()) {
            List<ArxivId> related = relatedOn(file);
            if (related.stream().anyMatch(added::contains)) {
                expected.add(new ArxivId(file.getFileName().toString().replace(".html", "")));
            }
        }
        assertThat(second.papers().allPairs()).as("the published lists were extended").isFalse();
        assertThat(expected).as("some older pages gain a new neighbour, others do not").hasSizeBetween(21, 59);
        assertThat(Set.copyOf(second.papers().rendered())).isEqualTo(expected);
        for (Path file : before.keySet()) {
            ArxivId id = new ArxivId(file.getFileName().toString().replace(".html", ""));
            if (!expected.contains(id)) {
                assertThat(Files.readString(file)).as("kept %s", id).isEqualTo(before.get(file));
                assertThat(Files.getLastModifiedTime(file)).as("kept %s", id).isEqualTo(modified.get(file));
            }
        }
        assertThat(embedder.texts.get()).as("each paper embedded once").isEqualTo(60);

        // What the incremental publish left is exactly what a rebuild of every page makes.
        Map<String, String> incremental = contents(papers);
        SiteBuilder.Build rebuild = site.build(all, PaperPages.Reuse.NONE);
        rebuild.publish();
        assertThat(rebuild.papers().rendered()).hasSize(60);
        assertThat(contents(site.siteDir().resolve("papers"))).isEqualTo(incremental);
    }

    @Test
    void aChangedPaperTemplateRendersEveryPageAgainAndAnUnchangedArchiveNone() throws Exception {
        List<Issue> issues = weeks(LAST, 2);
        SiteBuilder site = site();
        site.build(issues).publish();
        assertThat(site.build(issues).papers().rendered()).as("nothing changed").isEmpty();

        Path editor = Files.createDirectories(home.resolve("templates/site"));
        String bundled = new TemplateEngine(home.resolve("none")).raw(PaperPages.TEMPLATE);
        Files.writeString(editor.resolve("paper.ftlh"), bundled.replace("Related papers", "Read next"));
        Thread.sleep(1100); // the engine looks at an editor's file again after a second
        SiteBuilder.Build build = site.build(issues);
        build.publish();
        assertThat(build.papers().rendered()).hasSize(40);
        assertThat(page(site.siteDir().resolve(PaperPages.path(issues.get(0).papers().findFirst().orElseThrow().paper().id())))
                .select("section.related h2").text()).isEqualTo("Read next");
    }

    @Test
    void anOldStyleIdGetsAPageWithoutASlashThatTheSiteServes() throws Exception {
        Issue generated = FakeIssues.issue(LAST, 8, List.of());
        SelectedPaper old = withId(generated.papers().findFirst().orElseThrow(), ArxivId.of("hep-th/9901001"));
        Issue issue = FakeIssues.issue(LAST, 8, List.of(old));
        SiteBuilder site = site();
        site.build(List.of(issue)).publish();

        Path file = site.siteDir().resolve("papers/hep-th_9901001.html");
        assertThat(file).exists();
        assertThat(site.siteDir().resolve("papers/hep-th")).doesNotExist();
        assertThat(SiteFiles.find(site.siteDir(), "/papers/hep-th_9901001.html")).isPresent();
        Document issuePage = page(site.siteDir().resolve("issues/2024-W21.html"));
        assertThat(issuePage.getElementById("hep-th/9901001").select("a.page-link").attr("href"))
                .isEqualTo("../papers/hep-th_9901001.html");
        assertThat(page(file).select(".featured a").attr("href")).isEqualTo("../issues/2024-W21.html#hep-th/9901001");
        assertThat(page(file).select(".links a").eachText()).doesNotContain("HTML");
        assertThat(relatedOn(site.siteDir().resolve("papers/" + ids(generated).iterator().next().fileSafe() + ".html")))
                .allMatch(id -> Files.exists(site.siteDir().resolve(PaperPages.path(id))));
    }

    @Test
    void theSitemapSearchIndexAndTopicPagesLeadToEveryPaperPage() throws Exception {
        List<Issue> issues = weeks(LAST, 2);
        SiteBuilder site = site();
        site.build(issues).publish();
        String sitemap = Files.readString(site.siteDir().resolve("sitemap.xml"));
        String search = Files.readString(site.siteDir().resolve("search.json"));
        Set<String> fromTopics = new HashSet<>();
        try (Stream<Path> tags = Files.list(site.siteDir().resolve("tags"))) {
            for (Path tag : tags.toList()) {
                fromTopics.addAll(page(tag).select("ul.papers li > a").eachAttr("href"));
            }
        }
        for (Issue issue : issues) {
            for (ArxivId id : ids(issue)) {
                assertThat(sitemap).contains("<loc>https://news.example.org/paperwire/papers/" + id.value() + ".html</loc>");
                assertThat(search).contains("\"p\":\"papers/" + id.value() + ".html\"");
                assertThat(fromTopics).contains("../papers/" + id.value() + ".html");
            }
        }
    }

    /** A paper's pages file names and contents, without the record of the build. */
    private static Map<String, String> contents(Path papers) throws Exception {
        try (Stream<Path> files = Files.list(papers)) {
            Map<String, String> contents = new java.util.TreeMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                contents.put(file.getFileName().toString(), Files.readString(file));
            }
            return contents;
        }
    }

    static SelectedPaper withId(SelectedPaper selected, ArxivId id) {
        Paper p = selected.paper();
        return new SelectedPaper(new Paper(id, p.version(), p.title() + " (old style)", p.abstractText(), p.authors(),
                p.primaryCategory(), p.categories(), p.published(), p.updated(), p.comment(), p.journalRef(), p.doi(),
                p.signals()), selected.score(), selected.reasons(), selected.summary());
    }
}
