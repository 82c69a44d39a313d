package io.paperwire.paper;

import java.util.List;
import java.util.function.UnaryOperator;

/** A section of an issue, e.g. "Highlights" or "Also noteworthy"; the key is stable, the title is for readers. */
public record Section(SectionKey key, String title, List<SelectedPaper> papers) {
    public Section {
        papers = List.copyOf(papers);
    }

    /** A section with its readers' title. */
    public Section(SectionKey key, List<SelectedPaper> papers) {
        this(key, key.title(), papers);
    }

    public Section mapPapers(UnaryOperator<SelectedPaper> change) {
        return new Section(key, title, papers.stream().map(change).toList());
    }
}
