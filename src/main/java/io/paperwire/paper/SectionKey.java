package io.paperwire.paper;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sections an issue can show. The id is what settings, the editor's overrides, stored issues and templates
 * ({@code section.key}) write; the title is what readers see.
 */
public enum SectionKey {
    /** Made at render time: the papers with the most Hugging Face upvotes. */
    TRENDING("trending", "Trending on Hugging Face"),
    /** The best papers, each with the whole summary. */
    HIGHLIGHTS("highlights", "Highlights"),
    /** The next best, one line each. */
    NOTEWORTHY("noteworthy", "Also noteworthy");

    private final String id;
    private final String title;

    SectionKey(String id, String title) {
        this.id = id;
        this.title = title;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /**
     * @throws IllegalArgumentException naming the text and the known ids
     */
    @JsonCreator
    public static SectionKey parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is no section; the sections are "
                        + Arrays.stream(values()).map(SectionKey::id).collect(Collectors.joining(", "))));
    }

    /** The id, so that templates writing {@code ${section.key}} get {@code highlights}. */
    @Override
    public String toString() {
        return id;
    }
}
