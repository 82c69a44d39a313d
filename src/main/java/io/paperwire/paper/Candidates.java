package io.paperwire.paper;

import java.util.List;

/** Every paper of the week from all sources, one per arXiv id: the input of selection. */
public record Candidates(RunRequest request, List<Paper> papers, SourceReport report) {
    public Candidates {
        papers = List.copyOf(papers);
    }
}
