package io.paperwire.ops;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Who started a run. Stored in {@code runs.trigger_source} and shown as the lower-case {@link #column()}. */
public enum Trigger {
    CLI, API, SCHEDULE, APPROVE,
    /** {@code serve} finishing the send of a partial run. */
    RETRY;

    /** The value in {@code runs.trigger_source}, the admin API's JSON and the metrics' {@code trigger} label. */
    @JsonValue
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the value and the triggers there are, when {@code column} is none of them
     */
    public static Trigger fromColumn(String column) {
        for (Trigger trigger : values()) {
            if (trigger.column().equals(column)) {
                return trigger;
            }
        }
        throw new IllegalArgumentException("'" + column + "' is not a run trigger; the triggers are "
                + Arrays.stream(values()).map(Trigger::column).collect(Collectors.joining(", ")));
    }
}
