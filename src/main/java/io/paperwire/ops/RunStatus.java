package io.paperwire.ops;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * What an operator sees of one run ({@code GET /api/runs/{id}}).
 *
 * @param state      queued, running, draft (awaiting approval), succeeded, partial (published, but not every
 *                   subscriber has had it yet), failed, skipped or abandoned
 * @param trigger    cli, api, schedule, approve or retry (serve finishing a partial send)
 * @param stages     each stage that ran, in order, with its duration and counts
 * @param llm        LLM calls, tokens and cost when an LLM summarised; null otherwise
 * @param deliveries messages sent, already sent before, failed, and subscribers still unsent; null before delivery
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStatus(long id, String week, String state, String trigger, boolean sample, boolean dryRun,
                        boolean force, String node, int attempts, Instant scheduledFor, Instant startedAt,
                        Instant finishedAt, Long durationMillis, List<StageRecord> stages, Llm llm,
                        Deliveries deliveries, List<String> alerts, String error) {

    /** LLM use of a run. */
    public record Llm(int calls, int fallbacks, long tokens, Double costUsd) {}

    /** Delivery outcome of a run. */
    public record Deliveries(int sent, int alreadySent, int failed, int unsent) {}

    public boolean finished() {
        return finishedAt != null;
    }
}
