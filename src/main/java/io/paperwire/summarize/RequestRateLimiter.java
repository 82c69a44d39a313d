package io.paperwire.summarize;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code limit} requests in any sliding window (a minute for a provider's requests-per-minute limit):
 * {@link #acquire()} blocks until one more request fits. A limit of 0 lets everything through.
 */
final class RequestRateLimiter {

    /** Time as the limiter sees it; tests replace it. */
    interface Clock {
        long nanos();

        void sleep(Duration duration) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(Math.max(1, duration.toMillis()));
            }
        };
    }

    private final int limit;
    private final long windowNanos;
    private final Clock clock;
    private final Deque<Long> granted = new ArrayDeque<>();

    RequestRateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.clock = clock;
    }

    static RequestRateLimiter perMinute(int limit) {
        return new RequestRateLimiter(limit, Duration.ofMinutes(1), Clock.SYSTEM);
    }

    void acquire() throws InterruptedException {
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
