package io.paperwire.ops;

import io.paperwire.paper.Week;

/** A second run of a week was asked for while one is in progress; carries the id of the run that holds the week. */
public final class RunInProgressException extends RuntimeException {

    private final Week week;
    private final long runId;

    public RunInProgressException(Week week, long runId) {
        super("run " + runId + " of " + week + " is in progress; wait for it to finish (GET /api/runs/" + runId + ")");
        this.week = week;
        this.runId = runId;
    }

    public Week week() {
        return week;
    }

    public long runId() {
        return runId;
    }
}
