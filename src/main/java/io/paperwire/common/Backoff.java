package io.paperwire.common;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff: {@code base × 2^(retry-1)}, capped at {@code max}; with jitter, a random half to all of it, so
 * that clients that failed together do not retry together.
 */
public record Backoff(Duration base, Duration max, boolean jitter) {

    public Backoff {
        if (base.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative: base " + base + ", max " + max);
        }
    }

    /** The wait before retry number {@code retry} (1 for the first). */
    public Duration delay(int retry) {
        long exponential = Math.min(max.toMillis(), base.toMillis() << Math.min(20, Math.max(0, retry - 1)));
        if (!jitter || exponential <= 1) {
            return Duration.ofMillis(exponential);
        }
        return Duration.ofMillis(exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1));
    }
}
