package io.paperwire.summarize;

import dev.langchain4j.exception.HttpException;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Which failures of an LLM call are worth another attempt: a 429, a 5xx, a timeout or a broken connection. Anything
 * else (a bad key, an unknown model, a malformed request) would fail the same way again.
 */
final class LlmFailures {

    private LlmFailures() {}

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
}
