package io.paperwire.archive;

import io.paperwire.paper.Issue;
import io.paperwire.paper.SelectedPaper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A topic of the archive with the papers filed under it, newest issue first. A paper is filed under its primary
 * arXiv category and under the tags its summary gives.
 *
 * @param slug the file name under {@code tags/}, made of lower-case letters, digits and dashes only
 */
public record Tag(String slug, String name, List<Entry> entries) {

    /** One paper under a tag, with the issue it appeared in. */
    public record Entry(Issue issue, SelectedPaper selected) {}

    public Tag {
        entries = List.copyOf(entries);
    }

    /** The tag names of a paper, in order, without duplicates (compared by slug). */
    public static List<String> namesOf(SelectedPaper selected) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        candidates.add(selected.paper().primaryCategory());
        if (selected.summary() != null) {
            candidates.addAll(selected.summary().tags());
        }
        for (String name : candidates) {
            String clean = name == null ? "" : name.strip();
            String slug = slug(clean);
            if (!slug.isEmpty() && seen.add(slug)) {
                names.add(clean);
            }
        }
        return names;
    }

    /** A name made safe for a file name and a URL path: {@code "cs.LG"} → {@code "cs-lg"}. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }
}
