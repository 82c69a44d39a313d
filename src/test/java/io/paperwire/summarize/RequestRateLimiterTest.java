package io.paperwire.summarize;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimiterTest {

    /** A clock that only moves when the limiter sleeps. */
    private static final class FakeClock implements RequestRateLimiter.Clock {
        long now;
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            now += duration.toNanos();
        }
    }

    @Test
    void letsTheLimitThroughAtOnceThenWaitsForTheWindowToMove() throws Exception {
        FakeClock clock = new FakeClock();
        RequestRateLimiter limiter = new RequestRateLimiter(3, Duration.ofMinutes(1), clock);

        for (int i = 0; i < 3; i++) {
            limiter.acquire();
            clock.now += Duration.ofSeconds(10).toNanos();
        }
        assertThat(clock.sleeps).isEmpty();
        limiter.acquire();

        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void zeroMeansNoLimit() throws Exception {
        FakeClock clock = new FakeClock();
        RequestRateLimiter limiter = new RequestRateLimiter(0, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire();
        }
        assertThat(clock.sleeps).isEmpty();
    }
}
