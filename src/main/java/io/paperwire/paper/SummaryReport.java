package io.paperwire.paper;

import java.util.List;
import java.util.Locale;

/**
 * What the summarise stage did in one run: summaries written and reused, fallbacks, the LLM's usage and cost.
 *
 * @param fallbacks papers that got the extractive summary instead of the LLM's
 * @param flagged   fallbacks because the LLM's summary stated figures the abstract does not: worth an editor's look
 * @param callMillis the time the LLM calls took together (overlapping calls each count)
 */
public record SummaryReport(String week, String model, int written, int fromCache, int fallbacks, int flagged,
                            long calls, long inputTokens, long outputTokens, Double estimatedCostUsd,
                            boolean budgetReached, List<String> notes, long callMillis) {

    public SummaryReport {
        notes = List.copyOf(notes);
    }

    public String oneLine() {
        return String.format(Locale.ROOT, "Summaries for %s: %d written by %s, %d from the cache, %d extractive fallbacks"
                        + " (%d flagged); %d LLM calls, %d tokens in, %d out, estimated cost %s%s",
                week, written, model, fromCache, fallbacks, flagged, calls, inputTokens, outputTokens,
                estimatedCostUsd == null ? "unknown" : String.format(Locale.ROOT, "$%.4f", estimatedCostUsd),
                budgetReached ? "; budget reached: the remaining papers got the extractive summary" : "");
    }
}
