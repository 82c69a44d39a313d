package io.paperwire.subscribers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What one reader asked for: which mailings, topics (arXiv categories), keywords to follow and to mute, authors to
 * follow, how many personal picks ({@code null}: the list's default; 0: no "For you" section) and the email's format.
 * Every list is cleaned on the way in (trimmed, no blanks or duplicates, capped), since it comes from a web form.
 */
public record Preferences(boolean weekly, boolean roundups, List<String> topics, List<String> follows,
                          List<String> mutes, List<String> authors, Integer picks, Format format) {

    /** The whole issue, or its TL;DRs only. */
    public enum Format {
        FULL, SHORT;

        public String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the accepted values */
        public static Format of(String text) {
            String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "", "full" -> FULL;
                case "short" -> SHORT;
                default -> throw new IllegalArgumentException("format '" + text + "': use full or short");
            };
        }
    }

    public static final int MAX_ENTRIES = 30;
    public static final int MAX_ENTRY_LENGTH = 80;
    public static final int MAX_PICKS = 10;
    private static final Pattern CATEGORY = Pattern.compile("[a-z\\-]+(\\.[A-Za-z\\-]+)?");

    /** No row: the weekly issue with the list's default picks. */
    public static final Preferences DEFAULT = new Preferences(true, true, List.of(), List.of(), List.of(), List.of(),
            null, Format.FULL);

    public Preferences {
        topics = clean(topics);
        follows = clean(follows);
        mutes = clean(mutes);
        authors = clean(authors);
        format = format == null ? Format.FULL : format;
        if (picks != null && (picks < 0 || picks > MAX_PICKS)) {
            throw new IllegalArgumentException("picks " + picks + ": give 0 (no personal section) to " + MAX_PICKS);
        }
        for (String topic : topics) {
            if (!CATEGORY.matcher(topic).matches()) {
                throw new IllegalArgumentException("topic '" + topic + "': name arXiv categories such as cs.CV");
            }
        }
    }

    /** Whether the reader chose any interest of their own (else the newsletter's interests stand in). */
    public boolean hasInterests() {
        return !topics.isEmpty() || !follows.isEmpty() || !authors.isEmpty();
    }

    public Preferences withPicks(Integer newPicks) {
        return new Preferences(weekly, roundups, topics, follows, mutes, authors, newPicks, format);
    }

    /** Splits a comma- or newline-separated field ("cs.CV, cs.RO") into entries. */
    public static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.split("[,\\n\\r]+"));
    }

    private static List<String> clean(List<String> entries) {
        if (entries == null) {
            return List.of();
        }
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String entry : entries) {
            String text = entry == null ? "" : entry.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) {
                continue;
            }
            if (text.length() > MAX_ENTRY_LENGTH) {
                throw new IllegalArgumentException("'" + text.substring(0, 20) + "…' is longer than "
                        + MAX_ENTRY_LENGTH + " characters");
            }
            kept.add(text);
        }
        if (kept.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(kept.size() + " entries in one list; at most " + MAX_ENTRIES);
        }
        return List.copyOf(new ArrayList<>(kept));
    }
}
