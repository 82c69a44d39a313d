package io.paperwire.summarize;

import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(1000), Duration.ofSeconds(60));

    private static LlmHttpClient.StatusException status(int code, Duration retryAfter) {
        return new LlmHttpClient.StatusException(code, "body", Optional.ofNullable(retryAfter));
    }

    @Test
    void retriesRateLimitsServerErrorsAndTimeoutsOnly() {
        assertThat(RetryPolicy.isTransient(new RateLimitException(status(429, null)))).isTrue();
        assertThat(RetryPolicy.isTransient(status(503, null))).isTrue();
        assertThat(RetryPolicy.isTransient(new LlmHttpClient.CallTimeoutException("slow", null))).isTrue();
        assertThat(RetryPolicy.isTransient(new InvalidRequestException(status(400, null)))).isFalse();
        assertThat(RetryPolicy.isTransient(status(401, null))).isFalse();
        assertThat(RetryPolicy.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @RepeatedTest(20)
    void backsOffExponentiallyWithJitter() {
        for (int retry = 1; retry <= 4; retry++) {
            long full = 1000L << (retry - 1);
            assertThat(policy.delayBefore(retry, status(500, null)).orElseThrow().toMillis()).isBetween(full / 2, full);
        }
        assertThat(policy.delayBefore(10, status(500, null)).orElseThrow()).isLessThanOrEqualTo(RetryPolicy.MAX_BACKOFF);
    }

    @Test
    void waitsAtLeastAsLongAsTheServerAsks() {
        assertThat(policy.delayBefore(1, new RateLimitException(status(429, Duration.ofSeconds(7)))))
                .contains(Duration.ofSeconds(7));
    }

    @Test
    void givesUpWhenTheServerAsksForMoreThanTheLongestWait() {
        assertThat(policy.delayBefore(1, status(429, Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void readsRetryAfterAsSecondsOrAsADate() {
        assertThat(LlmHttpClient.parseRetryAfter("2")).contains(Duration.ofSeconds(2));
        assertThat(LlmHttpClient.parseRetryAfter("0.5")).contains(Duration.ofMillis(500));
        assertThat(LlmHttpClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(LlmHttpClient.parseRetryAfter("soon")).isEmpty();
    }
}
