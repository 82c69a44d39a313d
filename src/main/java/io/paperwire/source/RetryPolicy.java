package io.paperwire.source;

import java.time.Duration;

/**
 * How often and how long to retry a request that met a transient fault (429, 5xx, timeout).
 *
 * @param attempts    requests in total, first one included (1 = no retry)
 * @param backoff     wait before the first retry; doubled before each further one
 * @param maxWait     the longest single wait, also the most a {@code Retry-After} may ask for
 */
public record RetryPolicy(int attempts, Duration backoff, Duration maxWait) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /** The wait before retry number {@code retry} (1-based) when the server did not say. */
    public Duration backoff(int retry) {
        Duration wait = backoff.multipliedBy(1L << Math.min(20, retry - 1));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    public static boolean isTransient(int status) {
        return status == 429 || status == 408 || status >= 500 && status <= 599;
    }
}
