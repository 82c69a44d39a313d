package io.paperwire.common;

import java.time.Duration;
import java.util.Optional;

/**
 * How often to try an operation that met a transient fault and how long to wait in between: the backoff, or longer
 * when the server asked for it ({@code Retry-After}), but never longer than {@code maxWait}. What counts as transient
 * is for the caller to say: it knows its protocol.
 *
 * @param attempts tries in total, the first one included (1: no retry)
 * @param maxWait  the longest wait a server may ask for; one that asks for more is not waited for
 */
public record RetryPolicy(int attempts, Backoff backoff, Duration maxWait) {

    public static final RetryPolicy NONE = new RetryPolicy(1, new Backoff(Duration.ZERO, Duration.ZERO, false), Duration.ZERO);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
    }

    /** Retries after the first attempt. */
    public int retries() {
        return attempts - 1;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first).
     *
     * @return empty when the server asks for a longer wait than {@link #maxWait()}
     */
    public Optional<Duration> delayBefore(int retry, Optional<Duration> serverAsked) {
        Duration delay = backoff.delay(retry);
        if (serverAsked.isPresent()) {
            if (serverAsked.get().compareTo(maxWait) > 0) {
                return Optional.empty();
            }
            if (serverAsked.get().compareTo(delay) > 0) {
                delay = serverAsked.get();
            }
        }
        return Optional.of(delay);
    }
}
