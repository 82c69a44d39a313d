package io.paperwire.common;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.LockSupport;

/**
 * At most {@code limit} acquisitions in any sliding window: an LLM provider's requests per minute
 * ({@link #perMinute}), or a mail relay's messages per second spaced evenly ({@link #evenly}: one per
 * {@code 1/rate} s). {@link #acquire()} blocks until one more fits. A limit of 0 lets everything through.
 */
public final class RateLimiter {

    /** Time as the limiter sees it; tests replace it. */
    public interface Clock {
        long nanos();

        void sleep(Duration duration) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                long until = System.nanoTime() + duration.toNanos();
                for (long left = duration.toNanos(); left > 0; left = until - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                    if (Thread.interrupted()) {
                        throw new InterruptedException("interrupted while waiting for the rate limit");
                    }
                }
            }
        };
    }

    private final int limit;
    private final long windowNanos;
    private final Clock clock;
    private final Deque<Long> granted = new ArrayDeque<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.clock = clock;
    }

    /** At most {@code limit} in any minute; bursts up to the limit are allowed. */
    public static RateLimiter perMinute(int limit) {
        return new RateLimiter(limit, Duration.ofMinutes(1), Clock.SYSTEM);
    }

    /** Evenly spaced: one every {@code 1/perSecond} seconds over all callers; 0 or less: no limit. */
    public static RateLimiter evenly(double perSecond) {
        return evenly(perSecond, Clock.SYSTEM);
    }

    static RateLimiter evenly(double perSecond, Clock clock) {
        return perSecond <= 0 ? new RateLimiter(0, Duration.ZERO, clock)
                : new RateLimiter(1, Duration.ofNanos((long) (1_000_000_000L / perSecond)), clock);
    }

    public void acquire() throws InterruptedException {
        if (limit <= 0) {
            return;
        }
        while (true) {
            Duration wait;
            synchronized (this) {
                long now = clock.nanos();
                while (!granted.isEmpty() && now - granted.peekFirst() >= windowNanos) {
                    granted.removeFirst();
                }
                if (granted.size() < limit) {
                    granted.addLast(now);
                    return;
                }
                wait = Duration.ofNanos(windowNanos - (now - granted.peekFirst()));
            }
            clock.sleep(wait);
        }
    }
}
