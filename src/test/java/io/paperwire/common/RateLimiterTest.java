package io.paperwire.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    /** A clock that only moves when the limiter sleeps. */
    private static final class FakeClock implements RateLimiter.Clock {
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
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), clock);

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
        RateLimiter limiter = new RateLimiter(0, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire();
        }
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void evenlySpacesEachAcquisitionOneIntervalAfterThePrevious() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = RateLimiter.evenly(10, clock);

        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }
        clock.now += Duration.ofSeconds(1).toNanos();
        limiter.acquire();

        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100));
    }
}
