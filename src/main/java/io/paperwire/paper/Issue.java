package io.paperwire.paper;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One published (or about to be published) issue: everything the templates need, stored as is so the archive can
 * be rebuilt from the database.
 *
 * @param edition 1 for the first issue of a week; {@code --force} makes the next one
 */
public record Issue(Week week, int edition, String title, Instant createdAt, List<Section> sections) {
    public Issue {
        sections = List.copyOf(sections);
    }

    /** The id used in file names and URLs: the week, with the edition when it is not the first. */
    public String slug() {
        return edition <= 1 ? week.toString() : week + "-" + edition;
    }

    public Stream<SelectedPaper> papers() {
        return sections.stream().flatMap(s -> s.papers().stream());
    }
}
