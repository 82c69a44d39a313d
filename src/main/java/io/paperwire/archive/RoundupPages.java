package io.paperwire.archive;

import io.paperwire.paper.Roundup;
import io.paperwire.paper.RoundupEntry;
import io.paperwire.render.MathText;
import io.paperwire.render.SafeLinks;
import io.paperwire.render.TemplateEngine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roundups' part of the archive: a page per roundup ({@code roundups/2024-05.html}, each paper with an anchor and
 * a link to the weekly issue that featured it), their entries in the feeds and their papers in the search index.
 * {@link SiteBuilder} calls it while building the site, so the roundups are kept through every weekly publish.
 */
final class RoundupPages {

    static final String PAGE = "site/roundup.ftlh";
    static final String FEED_ENTRY = "site/roundup-feed-entry.ftlh";

    private final TemplateEngine templates;

    RoundupPages(TemplateEngine templates) {
        this.templates = templates;
    }

    /** The page of a roundup, relative to the site root. */
    static String path(Roundup roundup) {
        return "roundups/" + roundup.name() + ".html";
    }

    /** Writes every roundup's page into the new site folder; returns their paths for the sitemap. */
    List<String> write(Path folder, Map<String, Object> site, List<Roundup> roundups) throws IOException {
        List<String> pages = new ArrayList<>();
        if (roundups.isEmpty()) {
            return pages;
        }
        Files.createDirectories(folder.resolve("roundups"));
        for (Roundup roundup : roundups) {
            Map<String, Object> model = new HashMap<>();
            model.put("site", site);
            model.put("root", "../");
            Roundup safe = SafeLinks.of(roundup);
            model.put("roundup", safe);
            model.put("topics", safe.topics());
            String path = path(roundup);
            Files.writeString(folder.resolve(path), templates.render(PAGE, model), StandardCharsets.UTF_8);
            pages.add(path);
        }
        return pages;
    }

    /** Each roundup's HTML for the feeds, by slug: absolute links only. */
    Map<String, String> feedEntries(Map<String, Object> site, String base, List<Roundup> roundups) {
        Map<String, String> html = new LinkedHashMap<>();
        for (Roundup roundup : roundups) {
            html.put(roundup.slug(), templates.render(FEED_ENTRY, Map.of("site", site, "roundup", SafeLinks.of(roundup),
                    "roundupUrl", base + "/" + path(roundup))));
        }
        return html;
    }

    /** The roundups' papers in the search index, each pointing at its paragraph in the roundup. */
    static List<ArchiveDocuments.SearchEntry> searchEntries(List<Roundup> roundups) {
        List<ArchiveDocuments.SearchEntry> entries = new ArrayList<>();
        for (Roundup roundup : roundups) {
            for (RoundupEntry e : roundup.entries()) {
                entries.add(new ArchiveDocuments.SearchEntry(MathText.of(e.paper().title()),
                        MathText.of(e.paper().authorNames()), MathText.of(e.paragraph()),
                        path(roundup) + "#" + e.paper().id().value(), roundup.title(),
                        e.topic().isEmpty() ? List.of() : List.of(e.topic()), PaperPages.path(e.paper().id())));
            }
        }
        return entries;
    }
}
