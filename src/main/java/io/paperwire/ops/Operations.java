package io.paperwire.ops;

import io.paperwire.mail.Mailer;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The operations of runs: the run log, the timing of each stage, the schedule, and what happens when a run ends
 * (its alerts are judged and raised, its metrics counted). {@code app.Components} builds it and the service beans
 * around it (admin API, health, metrics, delivery retries, Quartz).
 */
public final class Operations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final PaperwireSettings settings;
    private final Database database;
    private final Metrics metrics = new Metrics();
    private final RunLog runs;
    private final Approvals approvals;
    private final RunSteps runSteps;
    private final StageRecorder recorder;
    private final Alerts alerts;
    private final RunService runService;
    private final WeeklySchedule schedule;
    private final CompletableFuture<Boolean> catchUpDecided = new CompletableFuture<>();

    public Operations(PaperwireSettings settings, Database database, Mailer mailer) {
        this.settings = settings;
        this.database = database;
        PaperwireSettings.Ops ops = settings.ops();
        this.alerts = new Alerts(ops.alert(), settings.mail().from(), mailer);
        this.runs = new RunLog(database, new WeekLocks(database, ops.nodeId(), ops.lockTimeout()));
        this.approvals = new Approvals(database, runs, ops.approval());
        this.runSteps = new RunSteps(runs, approvals, this::finished);
        this.recorder = new StageRecorder(runs, metrics);
        this.runService = new RunService(runs, approvals);
        this.schedule = new WeeklySchedule(ops.schedule(), runService, Clock.systemUTC());
        if (!database.isPostgres()) {
            runs.abandonUnfinished();
        }
    }

    /** The runs table. */
    public RunLog runs() {
        return runs;
    }

    /** Drafts awaiting an editor's approval. */
    public Approvals approvals() {
        return approvals;
    }

    /** The bean {@code runs} that the run routes call. */
    public RunSteps runSteps() {
        return runSteps;
    }

    public RunService runService() {
        return runService;
    }

    public Metrics metrics() {
        return metrics;
    }

    public StageRecorder stageRecorder() {
        return recorder;
    }

    public WeeklySchedule schedule() {
        return schedule;
    }

    /**
     * {@code serve}'s start: warns of a cron that would skip or repeat weeks and decides, on a thread of its own (so
     * that a long catch-up run does not hold up the start), whether a missed scheduled run must be made up.
     */
    public void startServing() {
        schedule.warnOfCronMisfit();
        LOG.info("Schedule: '{}' ({}), catch-up grace {}, {}; admin API {}; approval {}",
                settings.ops().schedule().cron(), settings.ops().schedule().timeZone(),
                settings.ops().schedule().grace(), database.isPostgres() ? "clustered on PostgreSQL" : "in memory",
                settings.ops().apiEnabled() ? "on" : "off (no PAPERWIRE_ADMIN_TOKEN)",
                settings.ops().approval() ? "required" : "off");
        Thread catchUp = new Thread(this::catchUp, "paperwire-catch-up");
        catchUp.setDaemon(true);
        catchUp.start();
    }

    private void catchUp() {
        try {
            catchUpDecided.complete(schedule.catchUp());
        } catch (RuntimeException e) {
            LOG.warn("Catching up a missed scheduled run failed: {}", e.getMessage());
            catchUpDecided.completeExceptionally(e);
        }
    }

    /** Completes once {@link #startServing()} has decided whether to make up a missed run: true when it started one. */
    public CompletableFuture<Boolean> catchUpDecided() {
        return catchUpDecided;
    }

    private List<String> finished(long runId, RunState state, RunOutcome outcome) {
        StageRecorder.RunTrace trace = recorder.finish(runId);
        RunStatus run = runs.status(runId).orElse(null);
        if (run == null) {
            return List.of();
        }
        DeliveryReport delivery = outcome.delivery() != null ? outcome.delivery() : trace.delivery();
        List<String> raised = alerts.evaluate(run.week(), trace.candidates(), trace.summarized(), delivery,
                outcome.failure());
        alerts.raise(runId, run.week(), raised);
        metrics.run(run.trigger(), state, 1);
        return raised;
    }

    @Override
    public void close() {
        runService.close();
    }
}
