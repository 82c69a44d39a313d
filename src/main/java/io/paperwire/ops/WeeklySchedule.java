package io.paperwire.ops;

import io.paperwire.PaperwireSettings;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import org.apache.camel.Exchange;
import org.quartz.CronExpression;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The weekly run of {@code serve}. Quartz fires {@code routes/serve/schedule.camel.yaml}, whose step calls
 * {@link #fire}; on start {@link #catchUp} makes the run of a fire time missed while no node was up, when it is within
 * the grace period. Each fire time makes at most one run, whoever gets there first: the run row is keyed by its
 * fire time. A fire that Quartz hands to this node because the node running it died ({@code recovering}) takes that
 * run over.
 */
public final class WeeklySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(WeeklySchedule.class);

    private final PaperwireSettings.Schedule settings;
    private final RunService runService;
    private final Clock clock;

    public WeeklySchedule(PaperwireSettings.Schedule settings, RunService runService, Clock clock) {
        this.settings = settings;
        this.runService = runService;
        this.clock = clock;
    }

    /** The run a fire time asks for: the week before the fire time (or the sample week), published and sent. */
    public RunRequest requestFor(Instant fireTime) {
        Week week = settings.sample() ? RunRequest.SAMPLE_WEEK
                : Week.previous(Clock.fixed(fireTime, settings.timeZone()));
        return new RunRequest(week, settings.sample(), false, false, true);
    }

    /** The schedule route's step: runs the week for this Quartz fire on the job's thread. */
    public void fire(Exchange exchange) {
        Date scheduled = exchange.getMessage().getHeader("scheduledFireTime", Date.class);
        JobDataMap data = exchange.getMessage().getHeader("mergedJobDataMap", JobDataMap.class);
        boolean recovering = data != null
                && data.containsKey(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
        if (recovering) {
            scheduled = new Date(Long.parseLong(
                    data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)));
        }
        run(scheduled == null ? clock.instant() : scheduled.toInstant(), recovering);
    }

    /** Makes the run of the latest fire time within the grace period, unless it exists. Returns whether it ran. */
    public boolean catchUp() {
        if (!settings.enabled()) {
            return false;
        }
        Optional<Instant> missed = lastFireTimeWithinGrace(clock.instant());
        if (missed.isEmpty() || runService.runs().findScheduled(missed.get()).isPresent()) {
            return false;
        }
        LOG.info("The run scheduled for {} was missed while no node was running; catching up now", missed.get());
        return run(missed.get(), false);
    }

    /** The latest fire time of the cron in {@code (now - grace, now]}, if any. */
    public Optional<Instant> lastFireTimeWithinGrace(Instant now) {
        CronExpression cron = cron();
        Date next = cron.getNextValidTimeAfter(Date.from(now.minus(settings.grace())));
        Instant last = null;
        while (next != null && !next.toInstant().isAfter(now)) {
            last = next.toInstant();
            next = cron.getNextValidTimeAfter(next);
        }
        return Optional.ofNullable(last);
    }

    private CronExpression cron() {
        try {
            CronExpression cron = new CronExpression(settings.cron());
            cron.setTimeZone(TimeZone.getTimeZone(settings.timeZone()));
            return cron;
        } catch (ParseException e) {
            throw new IllegalStateException("paperwire.schedule.cron: " + e.getMessage(), e);
        }
    }

    private boolean run(Instant fireTime, boolean recovering) {
        RunRequest request = requestFor(fireTime);
        Optional<RunStatus> existing = runService.runs().findScheduled(fireTime);
        if (existing.isPresent()) {
            RunStatus run = existing.get();
            if (recovering && runService.runs().takeOver(run.id())) {
                LOG.warn("Taking over run {} of {} (scheduled for {}) from node {}, which stopped", run.id(),
                        run.week(), fireTime, run.node());
                runService.runNow(run.id(), request);
                return true;
            }
            LOG.info("The run scheduled for {} exists already (run {}, {}); nothing to do", fireTime, run.id(),
                    run.state());
            return false;
        }
        try {
            LOG.info("Scheduled run for {} of {} starting", fireTime, request.week());
            runService.runScheduled(request, fireTime);
            return true;
        } catch (RunLog.AlreadyScheduledException e) {
            LOG.info("The run scheduled for {} was started by another node", fireTime);
            return false;
        } catch (RunInProgressException e) {
            LOG.warn("Scheduled run for {} skipped: {}", fireTime, e.getMessage());
            runService.runs().recordSkipped(request, fireTime, e.getMessage());
            return false;
        }
    }
}
