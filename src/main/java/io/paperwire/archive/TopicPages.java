package io.paperwire.archive;

import io.paperwire.paper.Issue;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.render.TemplateEngine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The archive's topics: {@code tags.html}, a paged {@code tags/<tag>.html} per topic, and the topics of each paper
 * that an issue page shows beside it.
 */
public final class TopicPages {
    private final TemplateEngine templates;
    private final int papersPerPage;
    private final List<Tag> tags;
    private final Map<String, List<Tag>> tagsOfPaper = new HashMap<>();

    TopicPages(TemplateEngine templates, int papersPerPage, List<Issue> issues) {
        this.templates = templates;
        this.papersPerPage = papersPerPage;
        this.tags = tags(issues);
        for (Tag tag : tags) {
            for (Tag.Entry e : tag.entries()) {
                tagsOfPaper.computeIfAbsent(e.issue().slug() + "#" + e.selected().paper().id().value(),
                        k -> new ArrayList<>()).add(tag);
            }
        }
    }

    /** The topics of each paper of this issue, for its page: {@code tagsOf.of(selected)}. */
    PaperTags of(Issue issue) {
        return new PaperTags(issue, tagsOfPaper);
    }

    /** Writes every topic page and {@code tags.html}; returns their paths for the sitemap. */
    List<String> write(Path folder, Map<String, Object> site) throws IOException {
        List<String> pages = new ArrayList<>();
        for (Tag tag : tags) {
            for (Page<Tag.Entry> entries : Page.split(tag.entries(), papersPerPage, n -> tagPage(tag, n))) {
                Map<String, Object> model = entries.model(SiteBuilder.page(site, "../"));
                model.put("tag", tag);
                model.put("entries", entries.items());
                String path = "tags/" + tagPage(tag, entries.number());
                SiteBuilder.write(folder.resolve(path), templates.render(SiteBuilder.TAG, model));
                pages.add(path);
            }
        }
        Map<String, Object> tagsModel = SiteBuilder.page(site, "");
        tagsModel.put("tags", tags.stream().sorted(Comparator.comparing((Tag t) -> -t.entries().size())
                .thenComparing(Tag::slug)).toList());
        SiteBuilder.write(folder.resolve("tags.html"), templates.render(SiteBuilder.TAGS, tagsModel));
        pages.add("tags.html");
        return pages;
    }

    /** A topic's page {@code n} under {@code tags/}; a slug never holds a dot, so no tag's first page can clash. */
    static String tagPage(Tag tag, int n) {
        return n == 1 ? tag.slug() + ".html" : tag.slug() + ".page-" + n + ".html";
    }


    /** Gives an issue page the tags of each of its papers: {@code tagsOf.of(selected)}. */
    public static final class PaperTags {
        private final Issue issue;
        private final Map<String, List<Tag>> tagsOfPaper;

        PaperTags(Issue issue, Map<String, List<Tag>> tagsOfPaper) {
            this.issue = issue;
            this.tagsOfPaper = tagsOfPaper;
        }

        public List<Tag> of(SelectedPaper selected) {
            return tagsOfPaper.getOrDefault(issue.slug() + "#" + selected.paper().id().value(), List.of());
        }
    }

    private static List<Tag> tags(List<Issue> issues) {
        Map<String, String> names = new TreeMap<>();
        Map<String, List<Tag.Entry>> entries = new TreeMap<>();
        for (Issue issue : issues) {
            for (SelectedPaper selected : issue.papers().toList()) {
                for (String name : Tag.namesOf(selected)) {
                    String slug = Tag.slug(name);
                    names.putIfAbsent(slug, name);
                    entries.computeIfAbsent(slug, k -> new ArrayList<>()).add(new Tag.Entry(issue, selected));
                }
            }
        }
        return entries.entrySet().stream().map(e -> new Tag(e.getKey(), names.get(e.getKey()), e.getValue())).toList();
    }
}
