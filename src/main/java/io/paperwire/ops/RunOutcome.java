package io.paperwire.ops;

import io.paperwire.paper.DeliveryReport;

/**
 * How a run ended, as its stages returned it: the delivery report when the run sent the issue, the failure when it
 * failed. A run that stopped before sending (a dry run, a draft, an issue not sent) has neither.
 *
 * @param delivery the last stage's delivery report, or null when the run did not get to send
 * @param failure  what made the run fail, or null when it did not fail
 */
public record RunOutcome(DeliveryReport delivery, Throwable failure) {

    /** A run that got to its end; {@code lastResult} is what its last stage returned. */
    public static RunOutcome completed(Object lastResult) {
        return new RunOutcome(lastResult instanceof DeliveryReport report ? report : null, null);
    }

    /** A run that failed with {@code failure} (null when the error is unknown). */
    public static RunOutcome failed(Throwable failure) {
        return new RunOutcome(null, failure);
    }

    /** True when the run sent, but not to every subscriber. */
    public boolean partial() {
        return delivery != null && delivery.isPartial();
    }
}
