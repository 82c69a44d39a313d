package io.paperwire.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Roundup;
import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.render.MathText;
import io.paperwire.store.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The archive's JSON documents, written with Jackson so every string is JSON-escaped: the JSON Feed 1.1
 * ({@code feed.json}) and the search index ({@code search.json}, also as {@code search-index.js} so search works when
 * the site is opened from {@code file://}, where pages cannot fetch files).
 */
final class ArchiveDocuments {

    private ArchiveDocuments() {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                    @JsonProperty("feed_url") String feedUrl, String description, String language,
                    List<JsonFeedItem> items) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record JsonFeedItem(String id, String url, String title, @JsonProperty("content_html") String contentHtml,
                        @JsonProperty("content_text") String contentText,
                        @JsonProperty("date_published") String datePublished, List<String> tags) {}

    /**
     * One paper in the search index; short keys keep a ten-year index small: title, authors, TL;DR, its place in the
     * issue, the issue's title, topics, and the paper's own page.
     */
    record SearchEntry(String t, String a, String s, String u, String i, List<String> g, String p) {}

    static String jsonFeed(String title, String baseUrl, List<Issue> issues, List<Roundup> roundups,
                           Map<String, String> entryHtml) {
        List<JsonFeedItem> items = new ArrayList<>();
        for (Roundup roundup : roundups) {
            String url = baseUrl + "/" + RoundupPages.path(roundup);
            StringBuilder text = new StringBuilder(roundup.intro()).append("\n");
            roundup.entries().forEach(e -> text.append(e.rank()).append(". ").append(MathText.of(e.paper().title()))
                    .append(' ').append(url).append('#').append(e.paper().id().value()).append('\n'));
            items.add(new JsonFeedItem(url, url, roundup.title(), entryHtml.get(roundup.slug()), text.toString(),
                    roundup.createdAt().toString(), roundup.entries().stream().map(RoundupEntry::topic)
                    .filter(t -> !t.isEmpty()).distinct().toList()));
        }
        for (Issue issue : issues) {
            String url = baseUrl + "/issues/" + issue.slug() + ".html";
            StringBuilder text = new StringBuilder();
            issue.papers().forEach(p -> text.append("- ").append(MathText.of(p.paper().title())).append(' ')
                    .append(p.paper().absUrl()).append('\n'));
            items.add(new JsonFeedItem(url, url, issue.title(), entryHtml.get(issue.slug()), text.toString(),
                    issue.createdAt().toString(),
                    issue.papers().flatMap(p -> Tag.namesOf(p).stream()).distinct().toList()));
        }
        // Newest first, roundups among the issues by when they were published.
        items.sort(Comparator.comparing((JsonFeedItem item) -> Instant.parse(item.datePublished())).reversed());
        return pretty(new JsonFeed("https://jsonfeed.org/version/1.1", title, baseUrl + "/index.html",
                baseUrl + "/feed.json", "Every issue of " + title + ": the week's AI papers, selected and summarised.",
                "en", items));
    }

    static List<SearchEntry> searchEntries(List<Issue> issues) {
        List<SearchEntry> entries = new ArrayList<>();
        for (Issue issue : issues) {
            for (SelectedPaper p : issue.papers().toList()) {
                String tldr = p.summary() == null ? "" : p.summary().tldr();
                entries.add(new SearchEntry(MathText.of(p.paper().title()), MathText.of(p.paper().authorNames()), MathText.of(tldr),
                        "issues/" + issue.slug() + ".html#" + p.paper().id().value(), issue.title(),
                        Tag.namesOf(p), PaperPages.path(p.paper().id())));
            }
        }
        return entries;
    }

    static String json(Object value) {
        return Json.write(value);
    }

    private static String pretty(Object value) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
