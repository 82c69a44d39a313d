package io.paperwire.ops;

import java.util.Map;

/** One stage of one run: how long it took and what it counted (papers, summaries, messages …). */
public record StageRecord(String stage, long durationMillis, Map<String, Integer> counts) {
    public StageRecord {
        counts = Map.copyOf(counts);
    }
}
