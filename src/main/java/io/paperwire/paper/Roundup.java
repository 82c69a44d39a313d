package io.paperwire.paper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A roundup: the best papers of a month, quarter or year of weekly issues, ranked and written up, stored as is so the
 * archive can be rebuilt from the database.
 *
 * @param edition     1 for the first roundup of a period; {@code --force} makes the next one
 * @param intro       the introduction to the period: plain text, escaped wherever rendered
 * @param writtenBy   who wrote the text: {@code extractive} or the model, e.g. {@code openai:gpt-4o-mini}
 * @param introFallback the introduction was composed from the stored data because the LLM's was unusable
 * @param issueCount  how many weekly issues the period had
 */
public record Roundup(RoundupPeriod period, int edition, String title, Instant createdAt, String intro,
                      String writtenBy, boolean introFallback, int issueCount, List<RoundupEntry> entries) {

    /** The papers of one topic, best first. */
    public record Topic(String name, List<RoundupEntry> entries) {}

    public Roundup {
        entries = List.copyOf(entries);
        intro = intro == null ? "" : intro;
        writtenBy = writtenBy == null ? "" : writtenBy;
    }

    /** The file name under {@code roundups/} without {@code .html}: the period, with the edition when not the first. */
    public String name() {
        return edition <= 1 ? period.id() : period.id() + "-" + edition;
    }

    /**
     * The roundup's id among the newsletter's editions (delivery log, Message-IDs, bounce reports): {@code
     * roundup-2024-05}. Never the form of a week, so it cannot clash with a weekly issue's.
     */
    public String slug() {
        return "roundup-" + name();
    }

    /** Whether the page and email group the papers by topic: a year's roundup does. */
    public boolean byTopic() {
        return period.kind() == RoundupPeriod.Kind.YEAR;
    }

    /** The papers grouped by topic, the topic of the best-ranked paper first; one group when not {@link #byTopic()}. */
    public List<Topic> topics() {
        if (!byTopic()) {
            return List.of(new Topic("", entries));
        }
        Map<String, List<RoundupEntry>> groups = new LinkedHashMap<>();
        for (RoundupEntry entry : entries) {
            groups.computeIfAbsent(entry.topic(), k -> new ArrayList<>()).add(entry);
        }
        return groups.entrySet().stream().map(e -> new Topic(e.getKey(), e.getValue())).toList();
    }

    public boolean anyFallback() {
        return introFallback || entries.stream().anyMatch(RoundupEntry::fallback);
    }
}
