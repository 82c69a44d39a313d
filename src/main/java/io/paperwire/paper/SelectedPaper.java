package io.paperwire.paper;

import java.util.List;

/**
 * A paper chosen for the issue, with its score and the reasons it was chosen (shown to editors, not subscribers).
 * The summary is absent until the summarise stage has run.
 */
public record SelectedPaper(Paper paper, double score, List<String> reasons, Summary summary) {
    public SelectedPaper {
        reasons = List.copyOf(reasons);
    }

    public SelectedPaper withSummary(Summary newSummary) {
        return new SelectedPaper(paper, score, reasons, newSummary);
    }
}
