package io.paperwire.paper;

/**
 * The personalise stage's result: the issue on its way to delivery, and how many readers have their "For you" picks
 * stored with it: ranked by this run, and kept from a run before (a rerun or a retry ranks only who has none).
 */
public record PersonalisedIssue(RenderedIssue issue, int readersRanked, int readersKept) {}
