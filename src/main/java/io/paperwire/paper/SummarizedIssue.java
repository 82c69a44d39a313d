package io.paperwire.paper;

/** The selection with every paper summarised, and the summarise stage's account of it: what the render stage takes. */
public record SummarizedIssue(Selection selection, SummaryReport report) {}
