package io.paperwire.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.paperwire.paper.Week;

import java.time.Instant;
import java.util.List;

/**
 * What an operator sees of one run ({@code GET /api/runs/{id}}). In JSON the week, state and trigger are the strings
 * stored in the database ({@code "2024-W21"}, {@code "succeeded"}, {@code "cli"}).
 *
 * @param state      where the run is (see {@link RunState})
 * @param trigger    who started it
 * @param stages     each stage that ran, in order, with its duration and counts
 * @param llm        LLM calls, tokens and cost when an LLM summarised; null otherwise
 * @param deliveries messages sent, already sent before, failed, and subscribers still unsent; null before delivery
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStatus(long id, @JsonSerialize(using = ToStringSerializer.class) Week week, RunState state,
                        Trigger trigger, boolean sample, boolean dryRun, boolean force, String node, int attempts,
                        Instant scheduledFor, Instant startedAt, Instant finishedAt, Long durationMillis,
                        List<StageRecord> stages, Llm llm, Deliveries deliveries, List<String> alerts, String error) {

    /** LLM use of a run. */
    public record Llm(int calls, int fallbacks, long tokens, Double costUsd) {}

    /** Delivery outcome of a run. */
    public record Deliveries(int sent, int alreadySent, int failed, int unsent) {}

    /** True once the run has ended (a draft has not: it waits for approval). */
    public boolean finished() {
        return finishedAt != null;
    }
}
