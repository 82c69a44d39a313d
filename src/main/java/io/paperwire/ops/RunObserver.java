package io.paperwire.ops;

import java.util.List;

/** Told when runs end, to judge alerts and count metrics. */
@FunctionalInterface
public interface RunObserver {

    /** An observer that raises nothing. */
    RunObserver NONE = (runId, state, outcome) -> List.of();

    /** Run {@code runId} ended in {@code state}; returns the alerts it raised (stored with the run). */
    List<String> finished(long runId, RunState state, RunOutcome outcome);
}
