package io.paperwire.summarize;

import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LlmFailuresTest {

    private static LlmHttpClient.StatusException status(int code, Duration retryAfter) {
        return new LlmHttpClient.StatusException(code, "body", Optional.ofNullable(retryAfter));
    }

    @Test
    void retriesRateLimitsServerErrorsAndTimeoutsOnly() {
        assertThat(LlmFailures.isTransient(new RateLimitException(status(429, null)))).isTrue();
        assertThat(LlmFailures.isTransient(status(503, null))).isTrue();
        assertThat(LlmFailures.isTransient(new LlmHttpClient.CallTimeoutException("slow", null))).isTrue();
        assertThat(LlmFailures.isTransient(new InvalidRequestException(status(400, null)))).isFalse();
        assertThat(LlmFailures.isTransient(status(401, null))).isFalse();
        assertThat(LlmFailures.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void findsTheServersRetryAfterInsideLangChain4jsException() {
        assertThat(LlmFailures.retryAfter(new RateLimitException(status(429, Duration.ofSeconds(7)))))
                .contains(Duration.ofSeconds(7));
        assertThat(LlmFailures.retryAfter(new RateLimitException(status(429, null)))).isEmpty();
    }
}
