package io.paperwire.roundup;

import io.paperwire.archive.RoundupStore;
import io.paperwire.common.ResendWindow;
import io.paperwire.deliver.DeliveryLog;
import io.paperwire.deliver.Edition;
import io.paperwire.subscribers.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code serve} finishes a roundup's partial send as it finishes a week's ({@code io.paperwire.ops.DeliveryRetry},
 * route {@code deliver-retry-pending}): every {@code retryEvery} after the last attempt, for {@code retryFor} after the
 * send began, the newest roundup goes again to the active subscribers who do not have it yet. A roundup published
 * without {@code --send} has no row in the delivery log and is never mailed from here; the delivery log's claims
 * keep every subscriber to one message, on any number of nodes.
 */
public final class RoundupRetry {

    private static final Logger LOG = LoggerFactory.getLogger(RoundupRetry.class);
    private static final List<Subscriber.State> RECIPIENTS = List.of(Subscriber.State.ACTIVE);

    private final RoundupStore roundups;
    private final DeliveryLog log;
    private final RoundupStage stage;
    private final ResendWindow window;
    private final Clock clock;

    public RoundupRetry(RoundupStore roundups, DeliveryLog log, RoundupStage stage, Duration retryEvery,
                        Duration retryFor, Clock clock) {
        this.roundups = roundups;
        this.log = log;
        this.stage = stage;
        this.window = new ResendWindow(retryEvery, retryFor);
        this.clock = clock;
    }

    /**
     * Mails the newest roundup to whoever its send left out, when a retry is due; otherwise does nothing.
     *
     * @return the retry's report, or empty when none was due (or this process is mailing a roundup already)
     */
    public Optional<Edition.Report> retryPending() {
        Optional<RoundupStore.Stored> due = due().flatMap(roundups::stored);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        RoundupStore.Stored roundup = due.get();
        LOG.info("Retrying the partial send of roundup {}", roundup.roundup().slug());
        return stage.mailAgain(new Edition(roundup.id(), roundup.roundup().slug(), roundup.subject(), roundup.html(),
                roundup.text()));
    }

    /** The id of the newest roundup when its send left someone out and a retry is due now. */
    Optional<Long> due() {
        Instant now = clock.instant();
        return roundups.newestId()
                .filter(id -> log.attempts(id).filter(sent -> window.isDue(now, sent.first(), sent.last())).isPresent())
                .filter(id -> log.unsent(id, RECIPIENTS) > 0);
    }
}
