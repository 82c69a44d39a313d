package io.paperwire.ops;

import java.util.Locale;

/** Who started a run. */
public enum Trigger {
    CLI, API, SCHEDULE, APPROVE,
    /** {@code serve} finishing the send of a partial run. */
    RETRY;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
