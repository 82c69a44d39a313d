package io.paperwire.common;

import java.time.Duration;
import java.time.Instant;

/**
 * When a partial send is tried again, the way an MTA works off its queue: {@code every} after the last attempt ended,
 * for as long as {@code within} after the send began. Weekly issues and roundups follow the same window
 * ({@code paperwire.deliver.retry-minutes} and {@code retry-hours}).
 */
public record ResendWindow(Duration every, Duration within) {

    /** Whether a send that began at {@code began} and was last tried at {@code lastTried} is due again at {@code now}. */
    public boolean isDue(Instant now, Instant began, Instant lastTried) {
        return lastTried != null && !now.isBefore(lastTried.plus(every)) && !now.isAfter(began.plus(within));
    }
}
