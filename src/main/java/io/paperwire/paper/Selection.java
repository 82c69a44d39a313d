package io.paperwire.paper;

import java.util.List;
import java.util.stream.Stream;

/** The sections of the coming issue, each with its chosen papers: the output of selection and summarising. */
public record Selection(RunRequest request, List<Section> sections, SourceReport sourceReport) {
    public Selection {
        sections = List.copyOf(sections);
    }

    public Stream<SelectedPaper> papers() {
        return sections.stream().flatMap(s -> s.papers().stream());
    }

    public Selection withSections(List<Section> newSections) {
        return new Selection(request, newSections, sourceReport);
    }
}
