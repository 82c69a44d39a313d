package io.paperwire.ops;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a run is: created {@link #QUEUED}, {@link #RUNNING} once its route begins, and then one of the ends. Stored in
 * {@code runs.state} and shown by the admin API and the metrics as the lower-case {@link #column()}.
 */
public enum RunState {
    QUEUED,
    RUNNING,
    /** Rendered and stopped until an editor approves it; nothing published or sent. */
    DRAFT,
    SUCCEEDED,
    /** Published, but its send has not reached every subscriber yet (an outage outlasted the wait, or it paused). */
    PARTIAL,
    FAILED,
    /** A scheduled fire that did not run because another run held the week. */
    SKIPPED,
    /** Its process stopped (or stopped renewing its lock) before the run ended. */
    ABANDONED;

    /** The value in {@code runs.state}, the admin API's JSON and the metrics' {@code state} label. */
    @JsonValue
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the value and the states there are, when {@code column} is none of them
     */
    public static RunState fromColumn(String column) {
        for (RunState state : values()) {
            if (state.column().equals(column)) {
                return state;
            }
        }
        throw new IllegalArgumentException("'" + column + "' is not a run state; the states are "
                + Arrays.stream(values()).map(RunState::column).collect(Collectors.joining(", ")));
    }
}
