package io.paperwire.ops;

import io.paperwire.PaperwireSettings;
import io.paperwire.deliver.Mailer;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.Week;
import io.paperwire.store.Database;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Everything that runs Paperwire as a service, built from the settings and bound into Camel under the names the
 * routes use: {@code runs} (the run log), {@code schedule}, {@code adminApi}, {@code health}, {@code metrics}, and the
 * {@code quartz} component. Also times the stages of every run and judges its alerts when it ends.
 */
public final class Operations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final PaperwireSettings settings;
    private final Database database;
    private final Metrics metrics = new Metrics();
    private final RunLog runs;
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
        this.runs = new RunLog(database, ops.nodeId(), ops.lockTimeout(), ops.approval(), this::finished);
        this.recorder = new StageRecorder(runs, metrics);
        this.runService = new RunService(runs);
        this.schedule = new WeeklySchedule(ops.schedule(), runService, Clock.systemUTC());
        if (!database.isPostgres()) {
            runs.abandonUnfinished();
        }
    }

    public RunLog runs() {
        return runs;
    }

    public RunService runService() {
        return runService;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Binds the beans into Camel; with {@code serve}, also the schedule, the API, health and metrics. */
    public void bindTo(Main main, boolean serve) {
        main.bind("runs", runs);
        runService.attach(main::getCamelContext);
        // The stage routes name it as their route policy (routePolicy: stageRecorder).
        main.bind("stageRecorder", recorder);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                if (serve) {
                    Thread catchUp = new Thread(Operations.this::catchUp, "paperwire-catch-up");
                    catchUp.setDaemon(true);
                    catchUp.start();
                }
            }
        });
        if (serve) {
            main.bind("schedule", schedule);
            schedule.warnOfCronMisfit();
            main.bind("adminApi", new AdminApi(settings.ops().adminToken(), runService, Clock.systemUTC()));
            main.bind("health", new HealthCheck(database, settings.smtp(), runs));
            main.bind("metrics", metrics);
            main.bind("quartz", QuartzSetup.component(database, settings.ops().nodeId()));
            LOG.info("Schedule: '{}' ({}), catch-up grace {}, {}; admin API {}; approval {}",
                    settings.ops().schedule().cron(), settings.ops().schedule().timeZone(),
                    settings.ops().schedule().grace(), database.isPostgres() ? "clustered on PostgreSQL" : "in memory",
                    settings.ops().apiEnabled() ? "on" : "off (no PAPERWIRE_ADMIN_TOKEN)",
                    settings.ops().approval() ? "required" : "off");
        }
    }

    private void catchUp() {
        try {
            catchUpDecided.complete(schedule.catchUp());
        } catch (RuntimeException e) {
            LOG.warn("Catching up a missed scheduled run failed: {}", e.getMessage());
            catchUpDecided.completeExceptionally(e);
        }
    }

    /**
     * Completes once {@code serve}'s start has decided whether a missed scheduled run must be made up: true when it
     * started one. (The decision runs on a thread of its own, so that a long catch-up run does not hold up the start.)
     */
    public CompletableFuture<Boolean> catchUpDecided() {
        return catchUpDecided;
    }

    private List<String> finished(long runId, String state, Object result) {
        StageRecorder.RunTrace trace = recorder.finish(runId);
        RunStatus run = runs.status(runId).orElse(null);
        if (run == null) {
            return List.of();
        }
        DeliveryReport delivery = result instanceof DeliveryReport report ? report : trace.delivery();
        List<String> raised = alerts.evaluate(Week.parse(run.week()), trace.candidates(), trace.summarized(), delivery,
                result instanceof Throwable error ? error : null);
        alerts.raise(runId, Week.parse(run.week()), raised);
        metrics.run(run.trigger(), state, 1);
        return raised;
    }

    @Override
    public void close() {
        runService.close();
    }
}
