package io.paperwire.ops;

import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import org.apache.camel.Exchange;
import org.quartz.CronExpression;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
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

    /**
     * The run a fire time asks for, published and sent: the latest week whose window arXiv has wholly announced by the
     * fire time ({@link Week#latestAnnounced}), or the sample week.
     */
    public RunRequest requestFor(Instant fireTime) {
        Week week = settings.sample() ? RunRequest.SAMPLE_WEEK : Week.latestAnnounced(fireTime);
        return new RunRequest(week, settings.sample(), false, false, true);
    }

    /**
     * Checks the fire times of the coming year: whether two consecutive fires build the same week (the week's issue is
     * run again) or weeks apart (a week gets no issue), as a cron firing more or less than weekly, or weekly too close
     * to arXiv's Thursday-evening announcement, does across a daylight-saving change.
     *
     * @return the first such misfit as one line naming the cron and what happens, or empty when every week is built once
     */
    public Optional<String> cronMisfit(Instant from) {
        if (settings.sample()) {
            return Optional.empty();
        }
        CronExpression cron = cron();
        Instant until = from.plus(Duration.ofDays(366));
        Date previousFire = cron.getNextValidTimeAfter(Date.from(from));
        if (previousFire == null) {
            return Optional.of(describe("never fires after " + from));
        }
        Week previousWeek = Week.latestAnnounced(previousFire.toInstant());
        for (Date fire = cron.getNextValidTimeAfter(previousFire); fire != null && fire.toInstant().isBefore(until);
             fire = cron.getNextValidTimeAfter(fire)) {
            Week week = Week.latestAnnounced(fire.toInstant());
            if (week.equals(previousWeek)) {
                return Optional.of(describe("fires at " + previousFire.toInstant() + " and " + fire.toInstant()
                        + ", which both build " + week + ": its issue is run twice"));
            }
            if (!week.equals(previousWeek.next())) {
                return Optional.of(describe("fires at " + previousFire.toInstant() + " (building " + previousWeek
                        + ") and next at " + fire.toInstant() + " (building " + week + "): " + previousWeek.next()
                        + " gets no issue"));
            }
            previousFire = fire;
            previousWeek = week;
        }
        return Optional.empty();
    }

    /** Logs {@link #cronMisfit} as one WARN line when the enabled schedule has one. */
    public void warnOfCronMisfit() {
        if (settings.enabled()) {
            cronMisfit(clock.instant()).ifPresent(LOG::warn);
        }
    }

    private String describe(String misfit) {
        return "paperwire.schedule.cron '" + settings.cron() + "' (" + settings.timeZone() + ") " + misfit
                + ". A fire builds the latest week whose arXiv window (Thursday 14:00 to Thursday 14:00 US Eastern) was"
                + " announced by Thursday 20:00 US Eastern plus " + Week.INDEX_LAG.toHours() + " h; fire once a week, away"
                + " from that moment, e.g. the default '0 0 7 ? * MON' (UTC)";
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
            if (recovering && runService.runs().locks().takeOver(run.id())) {
                LOG.warn("Taking over run {} of {} (scheduled for {}) from node {}, which stopped", run.id(),
                        run.week(), fireTime, run.node());
                runService.runNow(run.id(), request);
                return true;
            }
            LOG.info("The run scheduled for {} exists already (run {}, {}); nothing to do", fireTime, run.id(),
                    run.state().column());
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
