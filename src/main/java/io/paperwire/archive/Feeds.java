package io.paperwire.archive;

import io.paperwire.paper.Issue;
import io.paperwire.paper.Roundup;
import io.paperwire.render.TemplateEngine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The archive's feeds: the newest issues and roundups, each entry's HTML rendered once for both formats. */
final class Feeds {
    /** How many of the newest issues (and of the newest roundups) the feeds carry. */
    static final int FEED_ISSUES = 20;

    private final TemplateEngine templates;
    private final RoundupPages roundupPages;
    private final String siteTitle;

    Feeds(TemplateEngine templates, RoundupPages roundupPages, String siteTitle) {
        this.templates = templates;
        this.roundupPages = roundupPages;
        this.siteTitle = siteTitle;
    }

    /** Writes {@code feed.xml} (Atom) and {@code feed.json} (JSON Feed 1.1) with the newest issues and roundups. */
    void write(Path folder, Map<String, Object> site, String base, List<Issue> issues, List<Roundup> roundups)
            throws IOException {
        List<Issue> recent = issues.subList(0, Math.min(FEED_ISSUES, issues.size()));
        List<Roundup> recentRoundups = roundups.subList(0, Math.min(FEED_ISSUES, roundups.size()));
        Map<String, String> entryHtml = new LinkedHashMap<>();
        for (Issue issue : recent) {
            entryHtml.put(issue.slug(), templates.render(SiteBuilder.FEED_ENTRY, Map.of("site", site, "issue", issue,
                    "issueUrl", base + "/issues/" + issue.slug() + ".html")));
        }
        entryHtml.putAll(roundupPages.feedEntries(site, base, recentRoundups));
        String updated = Stream.concat(recent.stream().map(Issue::createdAt), recentRoundups.stream().map(Roundup::createdAt))
                .max(Comparator.naturalOrder()).map(Object::toString).orElse("1970-01-01T00:00:00Z");
        SiteBuilder.write(folder.resolve("feed.xml"), templates.render(SiteBuilder.FEED, Map.of("site", site, "issues", recent,
                "entries", entryHtml, "roundups", recentRoundups, "updated", updated)));
        SiteBuilder.write(folder.resolve("feed.json"), ArchiveDocuments.jsonFeed(siteTitle, base, recent,
                recentRoundups, entryHtml));
    }
}
