package io.paperwire.common;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Keeps a minimum gap between the end of one request and the start of the next, and lets only one request run at a
 * time: arXiv asks for one request every 3 seconds on a single connection. One pacer is shared by every source that
 * talks to the same service. (Unlike {@link RateLimiter}, the gap runs from the end of a request: a slow answer does
 * not let the next request follow it at once.)
 */
public final class Pacer {

    private final Duration gap;
    private final Sleeper sleeper;
    private long lastFinishedNanos;
    private boolean used;

    /** Waiting, made replaceable so tests of retry timing need not sleep. */
    public interface Sleeper {
        void sleep(Duration duration);

        Sleeper REAL = duration -> {
            try {
                Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting between requests", e);
            }
        };
    }

    public Pacer(Duration gap) {
        this(gap, Sleeper.REAL);
    }

    public Pacer(Duration gap, Sleeper sleeper) {
        this.gap = gap;
        this.sleeper = sleeper;
    }

    public Duration gap() {
        return gap;
    }

    /** Runs one request after the gap (and at least {@code atLeast} after the previous one), never two at once. */
    public synchronized <T> T paced(Duration atLeast, Supplier<T> request) {
        if (used) {
            Duration wait = (atLeast.compareTo(gap) > 0 ? atLeast : gap)
                    .minusNanos(System.nanoTime() - lastFinishedNanos);
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
            }
        } else if (!atLeast.isZero()) {
            sleeper.sleep(atLeast);
        }
        try {
            return request.get();
        } finally {
            used = true;
            lastFinishedNanos = System.nanoTime();
        }
    }
}
