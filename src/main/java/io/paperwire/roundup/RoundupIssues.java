package io.paperwire.roundup;

import io.paperwire.paper.Issue;

import java.util.List;

/** The collect step's result: the period's weekly issues (the latest edition of each week), oldest first. */
public record RoundupIssues(RoundupRequest request, List<Issue> issues) {
    public RoundupIssues {
        issues = List.copyOf(issues);
    }
}
