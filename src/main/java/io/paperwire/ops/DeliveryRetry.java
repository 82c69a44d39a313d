package io.paperwire.ops;

import io.paperwire.common.ResendWindow;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RunRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code serve} finishes a partial send the way an MTA works off its queue: every {@code retryEvery} after the last
 * attempt, for {@code retryFor} after the send began, it runs the week again (route {@code deliver-retry-pending}).
 * The week is published, so the run goes straight to delivery, which mails only the subscribers who have not had the
 * issue (pending or transiently failed rows; bounced never). Each retry is a run of its own with trigger
 * {@code retry}, ending {@code succeeded} once everyone has the issue; it holds the week's run lock, so with several
 * nodes on one PostgreSQL database only one retries at a time.
 */
public final class DeliveryRetry {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRetry.class);

    private final RunLog runs;
    private final RunService runService;
    private final ResendWindow window;
    private final Clock clock;

    public DeliveryRetry(RunLog runs, RunService runService, Duration retryEvery, Duration retryFor, Clock clock) {
        this.runs = runs;
        this.runService = runService;
        this.window = new ResendWindow(retryEvery, retryFor);
        this.clock = clock;
    }

    /**
     * Retries the latest partial send when a retry is due; otherwise does nothing.
     *
     * @return the retry's report, or empty when none was due (or another run holds the week)
     */
    public Optional<DeliveryReport> retryPending() {
        Optional<RunRequest> due = due();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        RunRequest request = due.get();
        long runId;
        try {
            runId = runs.create(request, Trigger.RETRY, null);
        } catch (RunInProgressException e) {
            LOG.debug("Not retrying the send of {}: {}", request.week(), e.getMessage());
            return Optional.empty();
        }
        LOG.info("Retrying the partial send of {} (run {})", request.week(), runId);
        return Optional.ofNullable(runService.runNow(runId, request)).filter(DeliveryReport.class::isInstance)
                .map(DeliveryReport.class::cast);
    }

    /**
     * The run that would finish the latest partial send, when one is due now: at least {@code retryEvery} after the
     * last attempt ended and at most {@code retryFor} after the send began.
     */
    Optional<RunRequest> due() {
        Instant now = clock.instant();
        return runs.latestPartialSend()
                .filter(send -> window.isDue(now, send.sendBegan(), send.lastTried()))
                .map(send -> new RunRequest(send.week(), send.sample(), false, false, true));
    }
}
