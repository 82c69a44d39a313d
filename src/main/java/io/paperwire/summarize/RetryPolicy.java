package io.paperwire.summarize;

import dev.langchain4j.exception.HttpException;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try an LLM call again and how long to wait: after a 429, a 5xx, a timeout or a broken connection, with
 * exponential backoff and jitter, and never sooner than the server's {@code Retry-After}. Anything else (a bad key,
 * an unknown model, a malformed request) is not retried: it would fail the same way again.
 */
record RetryPolicy(int maxRetries, Duration base, Duration maxWait) {

    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Whether this failure is worth another attempt. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                int status = http.statusCode();
                return status == 429 || status == 408 || status >= 500;
            }
            if (t instanceof LlmHttpClient.CallTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof UncheckedIOException || t instanceof java.io.IOException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    static Optional<Duration> retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LlmHttpClient.StatusException status) {
                return status.retryAfter();
            }
        }
        return Optional.empty();
    }

    /**
     * The wait before retry number {@code retry} (1 for the first): half to all of {@code base × 2^(retry-1)},
     * capped, and at least the server's {@code Retry-After}.
     *
     * @return empty when the server asks for a longer wait than {@link #maxWait()} allows
     */
    Optional<Duration> delayBefore(int retry, Throwable failure) {
        long exponential = Math.min(MAX_BACKOFF.toMillis(), base.toMillis() * (1L << Math.min(20, retry - 1)));
        long jittered = exponential / 2 + (exponential > 1 ? ThreadLocalRandom.current().nextLong(exponential / 2 + 1) : 0);
        Duration delay = Duration.ofMillis(jittered);
        Optional<Duration> asked = retryAfter(failure);
        if (asked.isPresent()) {
            if (asked.get().compareTo(maxWait) > 0) {
                return Optional.empty();
            }
            if (asked.get().compareTo(delay) > 0) {
                delay = asked.get();
            }
        }
        return Optional.of(delay);
    }
}
