package io.paperwire.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.render.Preview;
import io.paperwire.store.Database;
import io.paperwire.store.DatabaseException;
import io.paperwire.store.Json;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every run in the {@code runs} table and holds the one-run-per-week lock ({@code run_locks}).
 *
 * <p>A run is created {@code queued} (with its lock) by whoever starts it, becomes {@code running} when the route
 * calls {@link #begin}, and ends {@code succeeded}, {@code partial} (published, but its send did not reach every
 * subscriber: an SMTP outage outlasted the wait, or the send paused), {@code failed}, or {@code draft} when an editor
 * must approve it.
 * The run id travels as the exchange property {@value #RUN_ID}.
 */
public final class RunLog {

    public static final String RUN_ID = "paperwireRunId";
    public static final String DRY_RUN = "paperwireDryRun";
    /** True once the run stopped as a draft: nothing is published or sent until it is approved. */
    public static final String DRAFT = "paperwireDraft";
    private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "id, week, state, trigger_source, sample, dry_run, forced, node, attempts,"
            + " scheduled_for, started_at, finished_at, stages, alerts, report, error";

    private final Database database;
    private final String node;
    private final Duration lockTimeout;
    /** The runs whose week locks this process holds: it renews them while it lives. */
    private final Set<Long> heldLocks = ConcurrentHashMap.newKeySet();
    private final boolean approvalRequired;
    private final RunObserver observer;

    /** Told when runs end, to judge alerts and count metrics. */
    public interface RunObserver {
        /** The run ended in {@code state}; returns the alerts it raised (stored with the run). */
        List<String> finished(long runId, String state, Object result);

        RunObserver NONE = (id, state, result) -> List.of();
    }

    public RunLog(Database database, String node, Duration lockTimeout, boolean approvalRequired, RunObserver observer) {
        this.database = database;
        this.node = node;
        this.lockTimeout = lockTimeout;
        this.approvalRequired = approvalRequired;
        this.observer = observer;
    }

    /** A run log without approval, alerts or a cluster: what tests and tools that only read runs need. */
    public RunLog(Database database) {
        this(database, "local", Duration.ofHours(6), false, RunObserver.NONE);
    }

    // --- Creating and claiming runs --------------------------------------------------------------------------

    /**
     * Creates a queued run and takes its week's lock, in one transaction.
     *
     * @param scheduledFor the cron fire time of a scheduled run, else null
     * @throws RunInProgressException when another run holds the week
     * @throws AlreadyScheduledException when a run for this fire time exists already
     */
    public long create(RunRequest request, Trigger trigger, Instant scheduledFor) {
        String week = request.week().toString();
        releaseStaleLock(week);
        try {
            long created = database.inTransaction(c -> {
                long id = Database.insert(c, "INSERT INTO runs (week, state, sample, dry_run, forced, started_at,"
                                + " trigger_source, scheduled_for, node) VALUES (?, 'queued', ?, ?, ?, ?, ?, ?, ?)",
                        week, request.sample(), request.dryRun(), request.force(), Instant.now(), trigger.column(),
                        scheduledFor, node);
                lock(c, week, id);
                return id;
            });
            heldLocks.add(created);
            return created;
        } catch (DatabaseException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            if (scheduledFor != null && findScheduled(scheduledFor).isPresent()) {
                throw new AlreadyScheduledException(scheduledFor);
            }
            Optional<Long> holder = lockHolder(request.week());
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
                            + " VALUES (?, 'skipped', ?, ?, ?, ?, ?, 'schedule', ?, ?, ?)",
                    request.week().toString(), request.sample(), request.dryRun(), request.force(), Instant.now(),
                    Instant.now(), scheduledFor, node, reason));
        } catch (DatabaseException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** The run of a scheduled fire time, if any: {@code (id, state)}. */
    public Optional<RunStatus> findScheduled(Instant scheduledFor) {
        return database.queryOne("SELECT " + COLUMNS + " FROM runs WHERE scheduled_for = ?", RunLog::status,
                scheduledFor);
    }

    /**
     * This node takes over a run whose node died (Quartz recovery): the run and its lock become ours and the
     * attempt is counted. Returns false when the run is no longer queued or running.
     */
    public boolean takeOver(long runId) {
        boolean taken = database.inTransaction(c -> {
            int changed = Database.update(c, "UPDATE runs SET node = ?, attempts = attempts + 1, state = 'queued',"
                    + " stages = NULL WHERE id = ? AND state IN ('queued', 'running')", node, runId);
            if (changed == 1) {
                Database.update(c, "UPDATE run_locks SET node = ?, acquired_at = ?, renewed_at = ? WHERE run_id = ?",
                        node, Instant.now(), Instant.now(), runId);
            }
            return changed == 1;
        });
        if (taken) {
            heldLocks.add(runId);
        }
        return taken;
    }

    /**
     * Marks every unfinished run abandoned and drops every lock. Only for a database no other process uses (the
     * embedded H2 file is opened exclusively), where nothing unfinished can still be running.
     */
    public void abandonUnfinished() {
        database.inTransaction(c -> {
            int runs = Database.update(c, "UPDATE runs SET state = 'abandoned', finished_at = ?, error = ?"
                    + " WHERE state IN ('queued', 'running')", Instant.now(), "the process running it stopped");
            Database.update(c, "DELETE FROM run_locks");
            if (runs > 0) {
                LOG.warn("{} unfinished run(s) from a previous process marked abandoned", runs);
            }
            return runs;
        });
    }

    /**
     * Renews the locks this process holds, so that no other process takes them over while it runs (route
     * {@code run-renew-locks}). A process that dies stops renewing; its locks go stale after the lock timeout.
     *
     * @return locks renewed
     */
    public int renewLocks() {
        Long[] held = heldLocks.toArray(Long[]::new);
        if (held.length == 0) {
            return 0;
        }
        Object[] params = new Object[held.length + 1];
        params[0] = Instant.now();
        System.arraycopy(held, 0, params, 1, held.length);
        return database.update("UPDATE run_locks SET renewed_at = ? WHERE run_id IN ("
                + String.join(", ", Collections.nCopies(held.length, "?")) + ")", params);
    }

    /** Takes {@code week}'s lock for {@code runId} on this node; fails with a unique violation while another run holds it. */
    private void lock(Connection c, String week, long runId) throws SQLException {
        Instant now = Instant.now();
        Database.update(c, "INSERT INTO run_locks (week, run_id, node, acquired_at, renewed_at) VALUES (?, ?, ?, ?, ?)",
                week, runId, node, now, now);
    }

    /** This process is done with {@code runId}: its lock, if still there, is no longer renewed. */
    public void stopRenewing(long runId) {
        heldLocks.remove(runId);
    }

    private void releaseStaleLock(String week) {
        Instant cutoff = Instant.now().minus(lockTimeout);
        database.inTransaction(c -> {
            List<Long> stale = Database.query(c, "SELECT run_id FROM run_locks WHERE week = ? AND renewed_at < ?",
                    row -> row.getLong("run_id"), week, cutoff);
            for (long runId : stale) {
                LOG.warn("Run {} of {} has not renewed its lock for {} (its process died?); marking it abandoned", runId,
                        week, lockTimeout);
                Database.update(c, "UPDATE runs SET state = 'abandoned', finished_at = ?, error = ? WHERE id = ?"
                        + " AND state IN ('queued', 'running')", Instant.now(), "lock timed out", runId);
                Database.update(c, "DELETE FROM run_locks WHERE run_id = ?", runId);
            }
            return stale.size();
        });
    }

    private Optional<Long> lockHolder(Week week) {
        return database.queryOne("SELECT run_id FROM run_locks WHERE week = ?", row -> row.getLong("run_id"),
                week.toString());
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    // --- Route steps -----------------------------------------------------------------------------------------

    /** First step of {@code direct:run}: the run (created here for a CLI run) becomes running. */
    public RunRequest begin(RunRequest request, Exchange exchange) {
        Long id = exchange.getProperty(RUN_ID, Long.class);
        if (id == null) {
            id = create(request, Trigger.CLI, null);
            exchange.setProperty(RUN_ID, id);
        }
        database.update("UPDATE runs SET state = 'running', started_at = ? WHERE id = ?", Instant.now(), id);
        exchange.setProperty(DRY_RUN, request.dryRun());
        exchange.setProperty(DRAFT, false);
        LOG.info("Run {} of {} started (sample={}, dryRun={}, force={}, send={})", id, request.week(),
                request.sample(), request.dryRun(), request.force(), request.send());
        return request;
    }

    /** True when the editor must approve the rendered issue before it is published and sent. */
    public boolean needsApproval() {
        return approvalRequired;
    }

    /** Stops a run after rendering: the issue is kept as a draft and a preview written, nothing is published. */
    public Preview holdForApproval(Preview preview, Exchange exchange) {
        long id = exchange.getProperty(RUN_ID, Long.class);
        database.inTransaction(c -> {
            Database.update(c, "UPDATE runs SET state = 'draft', draft = ? WHERE id = ? AND state = 'running'",
                    Json.write(preview.rendered()), id);
            return Database.update(c, "DELETE FROM run_locks WHERE run_id = ?", id);
        });
        heldLocks.remove(id);
        exchange.setProperty(DRAFT, true);
        LOG.info("Run {} of {} is a draft awaiting approval; preview at {} (approve: paperwire approve {})", id,
                preview.rendered().request().week(), preview.html(), preview.rendered().request().week());
        return preview;
    }

    /**
     * Claims the draft run {@code runId} for publishing, exactly once: the first caller moves it from draft to
     * queued (taking the week's lock), every later caller gets a {@link RunStateException}.
     */
    public RunStatus claimDraft(long runId) {
        RunStatus run = status(runId).orElseThrow(() -> new RunStateException("there is no run " + runId));
        String week = run.week();
        releaseStaleLock(week);
        try {
            int claimed = database.inTransaction(c -> {
                int changed = Database.update(c, "UPDATE runs SET state = 'queued', trigger_source = 'approve', node = ?"
                        + " WHERE id = ? AND state = 'draft'", node, runId);
                if (changed == 1) {
                    lock(c, week, runId);
                }
                return changed;
            });
            if (claimed == 1) {
                heldLocks.add(runId);
            }
            if (claimed == 0) {
                throw new RunStateException("run " + runId + " of " + week + " is " + run.state()
                        + ", not a draft awaiting approval");
            }
        } catch (DatabaseException e) {
            if (isUniqueViolation(e)) {
                throw new RunInProgressException(Week.parse(week), lockHolder(Week.parse(week)).orElse(-1L));
            }
            throw e;
        }
        LOG.info("Run {} of {} approved; publishing and sending", runId, week);
        return status(runId).orElseThrow();
    }

    /** The latest draft of a week, for {@code paperwire approve WEEK}. */
    public Optional<Long> latestDraft(Week week) {
        return database.queryOne("SELECT id FROM runs WHERE week = ? AND state = 'draft' ORDER BY id DESC LIMIT 1",
                row -> row.getLong("id"), week.toString());
    }

    /** First step of {@code direct:approve}: the claimed draft's rendered issue, ready to publish. */
    public RenderedIssue approved(Exchange exchange) {
        long id = exchange.getProperty(RUN_ID, Long.class);
        String draft = database.queryOne("SELECT draft FROM runs WHERE id = ?", row -> row.getString("draft"), id)
                .orElseThrow(() -> new RunStateException("run " + id + " has no draft"));
        database.update("UPDATE runs SET state = 'running' WHERE id = ?", id);
        exchange.setProperty(DRY_RUN, false);
        exchange.setProperty(DRAFT, false);
        RenderedIssue rendered = Json.read(draft, RenderedIssue.class);
        RunRequest request = rendered.request();
        return new RenderedIssue(new RunRequest(request.week(), request.sample(), false, request.force(), request.send()),
                rendered.issueId(), rendered.issue(), rendered.subject(), rendered.html(), rendered.text());
    }

    /**
     * Last step of a run: succeeded, or partial when its send left subscribers unsent, or draft when it stopped for
     * approval; its report stored and its lock released.
     */
    public void succeed(Exchange exchange) {
        Long id = exchange.getProperty(RUN_ID, Long.class);
        if (id == null) {
            return;
        }
        Object result = exchange.getMessage().getBody();
        boolean draft = exchange.getProperty(DRAFT, false, Boolean.class);
        String state = draft ? "draft"
                : result instanceof DeliveryReport delivery && delivery.isPartial() ? "partial" : "succeeded";
        List<String> alerts = observer.finished(id, state, result);
        Object report = result instanceof Preview preview ? preview.html().toString() : result;
        database.inTransaction(c -> {
            Database.update(c, "UPDATE runs SET state = ?, finished_at = ?, report = ?, alerts = ?"
                            + " WHERE id = ? AND state IN ('running', 'draft')", state, draft ? null : Instant.now(),
                    report == null ? null : Json.write(report), Json.write(alerts), id);
            return Database.update(c, "DELETE FROM run_locks WHERE run_id = ?", id);
        });
        heldLocks.remove(id);
        if (result instanceof DeliveryReport delivery) {
            LOG.info("Run {} of {} {}: {} sent, {} already had it, {} failed, {} left{}", id,
                    delivery.request().week(), state, delivery.sent(), delivery.alreadySent(), delivery.failed(),
                    delivery.unsent(),
                    alerts.isEmpty() ? "" : ", " + alerts.size() + " alert(s)");
        } else {
            LOG.info("Run {} {}", id, state);
        }
    }

    /** The error policy's step: the run failed with the caught exception's message; its lock is released. */
    public void fail(Exchange exchange) {
        Long id = exchange.getProperty(RUN_ID, Long.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error == null) {
            error = exchange.getException();
        }
        if (id == null) {
            return;
        }
        String message = error == null ? "unknown error" : String.valueOf(error.getMessage());
        List<String> alerts = observer.finished(id, "failed", error);
        database.inTransaction(c -> {
            Database.update(c, "UPDATE runs SET state = 'failed', finished_at = ?, error = ?, alerts = ?"
                    + " WHERE id = ? AND state IN ('queued', 'running')", Instant.now(), message, Json.write(alerts), id);
            return Database.update(c, "DELETE FROM run_locks WHERE run_id = ?", id);
        });
        heldLocks.remove(id);
        LOG.warn("Run {} failed: {}", id, message);
    }

    /** Stores the stage records so far (called after each stage, so a running run shows its progress). */
    public void saveStages(long runId, List<StageRecord> stages) {
        database.update("UPDATE runs SET stages = ? WHERE id = ?", Json.write(stages), runId);
    }

    // --- Reading ---------------------------------------------------------------------------------------------

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
                .filter(latest -> latest.state().equals("partial"))
                .map(latest -> new PartialSend(Week.parse(latest.week()), latest.sample(), database.queryOne(
                        "SELECT MIN(started_at) AS began FROM runs WHERE week = ? AND state = 'partial' AND id >"
                                + " COALESCE((SELECT MAX(id) FROM runs WHERE week = ? AND state = 'succeeded'), 0)",
                        row -> Database.instant(row, "began"), latest.week(), latest.week())
                        .orElse(latest.finished()), latest.finished()));
    }

    public Optional<RunStatus> status(long runId) {
        return database.queryOne("SELECT " + COLUMNS + " FROM runs WHERE id = ?", RunLog::status, runId);
    }

    /** The latest runs, newest first. */
    public List<RunStatus> recent(int limit) {
        return database.query("SELECT " + COLUMNS + " FROM runs ORDER BY id DESC LIMIT " + Math.max(1, limit),
                RunLog::status);
    }

    public Optional<RunStatus> latest() {
        List<RunStatus> runs = recent(1);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private static final TypeReference<List<StageRecord>> STAGES = new TypeReference<>() {};
    private static final TypeReference<List<String>> ALERTS = new TypeReference<>() {};

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
        return new RunStatus(row.getLong("id"), row.getString("week"), row.getString("state"),
                row.getString("trigger_source"), row.getBoolean("sample"), row.getBoolean("dry_run"),
                row.getBoolean("forced"), row.getString("node"), row.getInt("attempts"), scheduled, started, finished,
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
