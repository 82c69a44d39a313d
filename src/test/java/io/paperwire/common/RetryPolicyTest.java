package io.paperwire.common;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy jittered = new RetryPolicy(4, new Backoff(Duration.ofMillis(1000), Duration.ofSeconds(30), true),
            Duration.ofSeconds(60));

    @RepeatedTest(20)
    void backsOffExponentiallyWithJitterUpToTheCap() {
        for (int retry = 1; retry <= 4; retry++) {
            long full = 1000L << (retry - 1);
            assertThat(jittered.delayBefore(retry, Optional.empty()).orElseThrow().toMillis()).isBetween(full / 2, full);
        }
        assertThat(jittered.delayBefore(10, Optional.empty()).orElseThrow()).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void withoutJitterDoublesExactlyUpToTheCap() {
        Backoff doubling = new Backoff(Duration.ofSeconds(4), Duration.ofSeconds(60), false);
        assertThat(doubling.delay(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(doubling.delay(3)).isEqualTo(Duration.ofSeconds(16));
        assertThat(doubling.delay(9)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void waitsAtLeastAsLongAsTheServerAsks() {
        assertThat(jittered.delayBefore(1, Optional.of(Duration.ofSeconds(7)))).contains(Duration.ofSeconds(7));
    }

    @Test
    void givesUpWhenTheServerAsksForMoreThanTheLongestWait() {
        assertThat(jittered.delayBefore(1, Optional.of(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void countsTheFirstAttemptAmongTheAttempts() {
        assertThat(jittered.retries()).isEqualTo(3);
        assertThat(RetryPolicy.NONE.retries()).isZero();
    }
}
