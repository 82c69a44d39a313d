package io.paperwire.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.store.Database;
import io.paperwire.store.DatabaseException;
import io.paperwire.store.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records every run in the {@code runs} table. A run is created {@link RunState#QUEUED queued} (taking its week's
 * lock, {@link WeekLocks}) by whoever starts it, becomes running when its route begins ({@link RunSteps}), and ends
 * succeeded, partial, failed, or a draft when an editor must approve it ({@link Approvals}).
 */
public final class RunLog {

    private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);
    private static final String COLUMNS = "id, week, state, trigger_source, sample, dry_run, forced, node, attempts,"
            + " scheduled_for, started_at, finished_at, stages, alerts, report, error";
    private static final TypeReference<List<StageRecord>> STAGES = new TypeReference<>() {};
    private static final TypeReference<List<String>> ALERTS = new TypeReference<>() {};

    private final Database database;
    private final WeekLocks locks;

    public RunLog(Database database, WeekLocks locks) {
        this.database = database;
        this.locks = locks;
    }

    /** A run log of a single node without a cluster: what tests and tools that only read runs need. */
    public RunLog(Database database) {
        this(database, new WeekLocks(database, "local", Duration.ofHours(6)));
    }

    /** The week locks its runs take. */
    public WeekLocks locks() {
        return locks;
    }

    // --- Writing -----------------------------------------------------------------------------------------------

    /**
     * Creates a queued run and takes its week's lock, in one transaction.
     *
     * @param scheduledFor the cron fire time of a scheduled run, else null
     * @throws RunInProgressException when another run holds the week
     * @throws AlreadyScheduledException when a run for this fire time exists already
     */
    public long create(RunRequest request, Trigger trigger, Instant scheduledFor) {
        locks.releaseStale(request.week());
        try {
            long created = database.inTransaction(c -> {
                long id = Database.insert(c, "INSERT INTO runs (week, state, sample, dry_run, forced, started_at,"
                                + " trigger_source, scheduled_for, node) VALUES (?, 'queued', ?, ?, ?, ?, ?, ?, ?)",
                        request.week().toString(), request.sample(), request.dryRun(), request.force(), Instant.now(),
                        trigger.column(), scheduledFor, locks.node());
                locks.take(c, request.week(), id);
                return id;
            });
            locks.renewing(created);
            return created;
        } catch (DatabaseException e) {
            if (!WeekLocks.isUniqueViolation(e)) {
                throw e;
            }
            if (scheduledFor != null && findScheduled(scheduledFor).isPresent()) {
                throw new AlreadyScheduledException(scheduledFor);
            }
            Optional<Long> holder = locks.holder(request.week());
            if (holder.isPresent()) {
                throw new RunInProgressException(request.week(), holder.get());
            }
            throw e;
        }
    }

    /** A scheduled fire time that already has its run. */
    public static final class AlreadyScheduledException extends RuntimeException {
        public AlreadyScheduledException(Instant fireTime) {
            super("the run scheduled for " + fireTime + " exists already");
        }
    }

    /** Records a scheduled fire that could not run because another run held the week. */
    public void recordSkipped(RunRequest request, Instant scheduledFor, String reason) {
        try {
            database.inTransaction(c -> Database.insert(c, "INSERT INTO runs (week, state, sample, dry_run, forced,"
                            + " started_at, finished_at, trigger_source, scheduled_for, node, error)"
                            + " VALUES (?, 'skipped', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    request.week().toString(), request.sample(), request.dryRun(), request.force(), Instant.now(),
                    Instant.now(), Trigger.SCHEDULE.column(), scheduledFor, locks.node(), reason));
        } catch (DatabaseException e) {
            if (!WeekLocks.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /**
     * Marks every unfinished run abandoned and drops every lock. Only for a database no other process uses (the
     * embedded H2 file is opened exclusively), where nothing unfinished can still be running.
     */
    public void abandonUnfinished() {
        database.inTransaction(c -> {
            int runs = Database.update(c, "UPDATE runs SET state = 'abandoned', finished_at = ?, error = ?"
                    + " WHERE state IN ('queued', 'running')", Instant.now(), "the process running it stopped");
            locks.releaseAll(c);
            if (runs > 0) {
                LOG.warn("{} unfinished run(s) from a previous process marked abandoned", runs);
            }
            return runs;
        });
    }

    /** The run's route began: it is running from now. */
    void markRunning(long runId) {
        database.update("UPDATE runs SET state = 'running', started_at = ? WHERE id = ?", Instant.now(), runId);
    }

    /**
     * The running run (or the draft) ended in {@code state} with its report and alerts; its lock is released. A draft
     * has not finished: it waits for approval.
     */
    void ended(long runId, RunState state, Object report, List<String> alerts) {
        database.inTransaction(c -> {
            Database.update(c, "UPDATE runs SET state = ?, finished_at = ?, report = ?, alerts = ?"
                            + " WHERE id = ? AND state IN ('running', 'draft')", state.column(),
                    state == RunState.DRAFT ? null : Instant.now(), report == null ? null : Json.write(report),
                    Json.write(alerts), runId);
            locks.release(c, runId);
            return null;
        });
        locks.stopRenewing(runId);
    }

    /** The queued or running run failed with {@code message}; its lock is released. */
    void failed(long runId, String message, List<String> alerts) {
        database.inTransaction(c -> {
            Database.update(c, "UPDATE runs SET state = 'failed', finished_at = ?, error = ?, alerts = ?"
                    + " WHERE id = ? AND state IN ('queued', 'running')", Instant.now(), message, Json.write(alerts),
                    runId);
            locks.release(c, runId);
            return null;
        });
        locks.stopRenewing(runId);
    }

    /** Stores the stage records so far (called after each stage, so a running run shows its progress). */
    public void saveStages(long runId, List<StageRecord> stages) {
        database.update("UPDATE runs SET stages = ? WHERE id = ?", Json.write(stages), runId);
    }

    // --- Reading -----------------------------------------------------------------------------------------------

    /**
     * A send that has not reached everyone yet: the latest run that published and sent an issue ended
     * {@code partial}.
     *
     * @param sendBegan when the first run of the unbroken series of partial runs of that week began
     * @param lastTried when the latest of them finished
     */
    public record PartialSend(Week week, boolean sample, Instant sendBegan, Instant lastTried) {}

    /** The latest run's send when that run (the latest that sent anything) ended partial. */
    public Optional<PartialSend> latestPartialSend() {
        record Latest(String week, boolean sample, String state, Instant finished) {}
        return database.queryOne("SELECT week, sample, state, finished_at FROM runs WHERE dry_run = false"
                        + " AND state IN ('succeeded', 'partial') ORDER BY id DESC LIMIT 1",
                        row -> new Latest(row.getString("week"), row.getBoolean("sample"), row.getString("state"),
                                Database.instant(row, "finished_at")))
                .filter(latest -> RunState.fromColumn(latest.state()) == RunState.PARTIAL)
                .map(latest -> new PartialSend(Week.parse(latest.week()), latest.sample(), database.queryOne(
                        "SELECT MIN(started_at) AS began FROM runs WHERE week = ? AND state = 'partial' AND id >"
                                + " COALESCE((SELECT MAX(id) FROM runs WHERE week = ? AND state = 'succeeded'), 0)",
                        row -> Database.instant(row, "began"), latest.week(), latest.week())
                        .orElse(latest.finished()), latest.finished()));
    }

    /** The run of a scheduled fire time, if any. */
    public Optional<RunStatus> findScheduled(Instant scheduledFor) {
        return database.queryOne("SELECT " + COLUMNS + " FROM runs WHERE scheduled_for = ?", RunLog::status,
                scheduledFor);
    }

    /** Run {@code runId}, if there is one. */
    public Optional<RunStatus> status(long runId) {
        return database.queryOne("SELECT " + COLUMNS + " FROM runs WHERE id = ?", RunLog::status, runId);
    }

    /** The latest runs, newest first. */
    public List<RunStatus> recent(int limit) {
        return database.query("SELECT " + COLUMNS + " FROM runs ORDER BY id DESC LIMIT " + Math.max(1, limit),
                RunLog::status);
    }

    /** The latest run, if any. */
    public Optional<RunStatus> latest() {
        List<RunStatus> runs = recent(1);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private static RunStatus status(ResultSet row) throws SQLException {
        List<StageRecord> stages = readJson(row.getString("stages"), STAGES, List.of());
        List<String> alerts = readJson(row.getString("alerts"), ALERTS, List.of());
        Instant started = Database.instant(row, "started_at");
        Instant finished = Database.instant(row, "finished_at");
        RunStatus.Llm llm = null;
        RunStatus.Deliveries deliveries = null;
        for (StageRecord stage : stages) {
            var n = stage.counts();
            if (n.getOrDefault("llmCalls", 0) > 0) {
                Integer microUsd = n.get("llmCostMicroUsd");
                llm = new RunStatus.Llm(n.get("llmCalls"), n.getOrDefault("fallbacks", 0),
                        n.getOrDefault("llmTokens", 0), microUsd == null ? null : microUsd / 1_000_000.0);
            }
            if (stage.stage().startsWith("deliver")) {
                deliveries = new RunStatus.Deliveries(n.getOrDefault("sent", 0), n.getOrDefault("alreadySent", 0),
                        n.getOrDefault("failed", 0), n.getOrDefault("unsent", 0));
            }
        }
        Instant scheduled = Database.instant(row, "scheduled_for");
        return new RunStatus(row.getLong("id"), Week.parse(row.getString("week")),
                RunState.fromColumn(row.getString("state")), Trigger.fromColumn(row.getString("trigger_source")),
                row.getBoolean("sample"), row.getBoolean("dry_run"), row.getBoolean("forced"), row.getString("node"),
                row.getInt("attempts"), scheduled, started, finished,
                finished == null ? null : Duration.between(started, finished).toMillis(), stages, llm, deliveries,
                alerts, row.getString("error"));
    }

    private static <T> T readJson(String json, TypeReference<T> type, T empty) {
        if (json == null || json.isBlank()) {
            return empty;
        }
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            return empty;
        }
    }
}
