package io.paperwire.archive;

import io.paperwire.paper.Issue;
import io.paperwire.paper.Roundup;
import io.paperwire.render.IssueView;
import io.paperwire.render.NewsletterLayout;
import io.paperwire.render.SafeLinks;
import io.paperwire.render.TemplateEngine;
import io.paperwire.select.MiniLmEmbedder;
import io.paperwire.settings.PaperwireSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Renders the static archive and publishes it atomically: everything is written to a temporary folder beside the
 * site, which then replaces the site in one rename.
 *
 * <p>The site: {@code index.html} (newest issues first, then {@code index-2.html} …), {@code issues/<slug>.html}
 * with an anchor per paper, {@code tags.html} and {@code tags/<tag>.html}, {@code search.html} searching
 * {@code search.json} in the browser, {@code feed.xml} (Atom), {@code feed.json} (JSON Feed 1.1),
 * {@code sitemap.xml}, {@code assets/} (with KaTeX, which typesets the papers' math), a page per paper under
 * {@code papers/} ({@link PaperPages}) with its related papers; the roundups' pages under
 * {@code roundups/} ({@link RoundupPages}), listed on the front page and carried by the feeds, sitemap and search like
 * the issues. Pages link to each other relatively, so the folder works from {@code file://} and under any path prefix;
 * feeds and the sitemap use the absolute {@code paperwire.site.base-url}.
 */
public final class SiteBuilder {

    public static final String INDEX = "site/index.ftlh";
    public static final String ISSUE = "site/issue.ftlh";
    public static final String TAG = "site/tag.ftlh";
    public static final String TAGS = "site/tags.ftlh";
    public static final String SEARCH = "site/search.ftlh";
    public static final String FEED = "site/feed.xml.ftlx";
    public static final String FEED_ENTRY = "site/feed-entry.ftlh";
    public static final String SITEMAP = "site/sitemap.xml.ftlx";
    /** Every template the archive uses, checked when the process starts. */
    public static final List<String> TEMPLATES = List.of(INDEX, ISSUE, TAG, TAGS, SEARCH, FEED, FEED_ENTRY, SITEMAP,
            RoundupPages.PAGE, RoundupPages.FEED_ENTRY, PaperPages.TEMPLATE);
    /**
     * Static files copied as they are (editors may override them in {@code templates/site/assets/}); KaTeX comes
     * from the jar ({@link SiteAssets}).
     */
    public static final List<String> ASSETS = List.of("site/assets/style.css", "site/assets/search.js",
            "site/assets/math.js");

    private final TemplateEngine templates;
    private final PaperwireSettings settings;
    private final Path siteDir;
    private final int issuesPerPage;
    private final int papersPerTagPage;
    private final Supplier<List<Roundup>> publishedRoundups;
    private final RoundupPages roundupPages;
    private final PaperPages paperPages;

    public SiteBuilder(TemplateEngine templates, PaperwireSettings settings) {
        this(templates, settings, settings.outDir().resolve("site"));
    }

    /**
     * A site with no roundups whose papers' vectors are kept in memory only (no database: tests).
     *
     * @param siteDir where the site is published, e.g. {@code out/preview/site} for a preview
     */
    public SiteBuilder(TemplateEngine templates, PaperwireSettings settings, Path siteDir) {
        this(templates, settings, siteDir, PaperVectors.inMemory(MiniLmEmbedder::shared), List::of);
    }

    /**
     * @param vectors           the papers' embeddings, for the related papers of each paper page
     * @param publishedRoundups the roundups every build of the issues keeps in the site (read at each build)
     */
    public SiteBuilder(TemplateEngine templates, PaperwireSettings settings, Path siteDir, PaperVectors vectors,
                       Supplier<List<Roundup>> publishedRoundups) {
        this.publishedRoundups = publishedRoundups;
        this.roundupPages = new RoundupPages(templates);
        this.paperPages = new PaperPages(templates, vectors);
        this.templates = templates;
        this.settings = settings;
        this.siteDir = siteDir;
        NewsletterLayout layout = NewsletterLayout.from(settings);
        this.issuesPerPage = layout.issuesPerPage();
        this.papersPerTagPage = layout.papersPerTagPage();
    }

    public Path siteDir() {
        return siteDir;
    }

    /** A site built but not yet published; {@link #publish()} swaps it in, {@link #discard()} throws it away. */
    public final class Build {
        private final Path folder;
        private final PaperPages.Written papers;

        private Build(Path folder, PaperPages.Written papers) {
            this.folder = folder;
            this.papers = papers;
        }

        /** What was done to the paper pages: which were rendered, which taken over from the published site. */
        public PaperPages.Written papers() {
            return papers;
        }

        /** The temporary folder holding the built site. */
        public Path folder() {
            return folder;
        }

        public void publish() {
            try {
                Path old = siteDir.resolveSibling(".site-old-" + UUID.randomUUID());
                if (Files.exists(siteDir)) {
                    Files.move(siteDir, old, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(folder, siteDir, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot publish the site to " + siteDir, e);
            }
        }

        public void discard() {
            deleteTree(folder);
        }
    }

    /**
     * Renders every page of the archive for these issues and the published roundups into a temporary folder, taking
     * over the published paper pages that did not change. Issues are shown newest week first whatever order they
     * come in.
     */
    public Build build(List<Issue> issuesInAnyOrder) {
        return build(issuesInAnyOrder, publishedRoundups.get(), PaperPages.Reuse.UNCHANGED_PAGES);
    }

    /** Like {@link #build(List)} with these roundups (newest first) instead of the published ones. */
    public Build build(List<Issue> issuesInAnyOrder, List<Roundup> roundups) {
        return build(issuesInAnyOrder, roundups, PaperPages.Reuse.UNCHANGED_PAGES);
    }

    /** As {@link #build(List)}; with {@link PaperPages.Reuse#NONE} every paper page is rendered too. */
    public Build build(List<Issue> issuesInAnyOrder, PaperPages.Reuse reuse) {
        return build(issuesInAnyOrder, publishedRoundups.get(), reuse);
    }

    private Build build(List<Issue> issuesInAnyOrder, List<Roundup> roundups, PaperPages.Reuse reuse) {
        List<Issue> issues = issuesInAnyOrder.stream().map(SafeLinks::of)
                .sorted(Comparator.comparing(Issue::week).reversed().thenComparing(Comparator.comparingInt(Issue::edition).reversed()))
                .toList();
        try {
            Files.createDirectories(siteDir.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + siteDir.toAbsolutePath().getParent(), e);
        }
        Path folder = siteDir.resolveSibling(".site-new-" + UUID.randomUUID());
        try {
            Files.createDirectories(folder.resolve("issues"));
            Files.createDirectories(folder.resolve("tags"));
            Files.createDirectories(folder.resolve("assets"));
            String base = settings.site().baseUrl().toString().replaceAll("/+$", "");
            Map<String, Object> site = Map.of("title", settings.site().title(), "baseUrl", base,
                    "subscribeUrl", settings.site().subscribeFormAction().orElse(""), "math", SiteAssets.typesetsMath(),
                    "roundups", !roundups.isEmpty());
            TopicPages topics = new TopicPages(templates, papersPerTagPage, issues);
            List<String> pages = new ArrayList<>();
            writeIndexPages(folder, site, issues, roundups, pages);
            pages.addAll(roundupPages.write(folder, site, roundups));
            for (int i = 0; i < issues.size(); i++) {
                Issue issue = issues.get(i);
                Map<String, Object> model = page(site, "../");
                model.put("issue", issue);
                if (i > 0) {
                    model.put("newerIssue", issues.get(i - 1));
                }
                if (i + 1 < issues.size()) {
                    model.put("olderIssue", issues.get(i + 1));
                }
                model.put("sections", IssueView.archiveSections(issue));
                model.put("tagsOf", topics.of(issue));
                String path = "issues/" + issue.slug() + ".html";
                write(folder.resolve(path), templates.render(ISSUE, model));
                pages.add(path);
            }
            pages.addAll(topics.write(folder, site));
            PaperPages.Written papers = paperPages.write(folder, siteDir, site, issues, reuse);
            pages.addAll(papers.pages());
            write(folder.resolve("search.html"), templates.render(SEARCH, page(site, "")));
            new Feeds(templates, roundupPages, settings.site().title()).write(folder, site, base, issues, roundups);
            write(folder.resolve("sitemap.xml"), templates.render(SITEMAP, Map.of("site", site, "pages", pages)));
            List<ArchiveDocuments.SearchEntry> searchEntries = new ArrayList<>(RoundupPages.searchEntries(roundups));
            searchEntries.addAll(ArchiveDocuments.searchEntries(issues));
            String searchIndex = ArchiveDocuments.json(searchEntries);
            write(folder.resolve("search.json"), searchIndex);
            write(folder.resolve("assets/search-index.js"), "window.PAPERWIRE_SEARCH = " + searchIndex + ";\n");
            SiteAssets.copy(templates, ASSETS, folder.resolve("assets"));
            return new Build(folder, papers);
        } catch (IOException e) {
            deleteTree(folder);
            throw new UncheckedIOException("cannot write the site to " + folder, e);
        } catch (RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
    }

    private void writeIndexPages(Path folder, Map<String, Object> site, List<Issue> issues, List<Roundup> roundups,
                                 List<String> pages) throws IOException {
        for (Page<Issue> page : Page.split(issues, issuesPerPage, SiteBuilder::indexPage)) {
            Map<String, Object> model = page.model(page(site, ""));
            model.put("issues", page.items());
            model.put("roundups", page.number() == 1 ? roundups : List.of());
            write(folder.resolve(indexPage(page.number())), templates.render(INDEX, model));
            pages.add(indexPage(page.number()));
        }
    }

    static String indexPage(int n) {
        return n == 1 ? "index.html" : "index-" + n + ".html";
    }

    static Map<String, Object> page(Map<String, Object> site, String root) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", site);
        model.put("root", root);
        return model;
    }

    static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
