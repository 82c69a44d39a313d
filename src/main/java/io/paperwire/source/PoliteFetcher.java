package io.paperwire.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Fetches within a service's rules: requests go one at a time through the service's {@link Pacer}, and a transient
 * fault (429, 408, 5xx, timeout, dropped connection) is retried with exponential backoff, honouring the server's
 * {@code Retry-After}. When the retries are used up the last fault becomes one {@link SourceException} naming the
 * source and URL.
 */
public final class PoliteFetcher implements HttpFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);

    private final HttpFetcher delegate;
    private final Pacer pacer;
    private final RetryPolicy retries;
    private final Clock clock;

    public PoliteFetcher(HttpFetcher delegate, Pacer pacer, RetryPolicy retries) {
        this(delegate, pacer, retries, Clock.systemUTC());
    }

    PoliteFetcher(HttpFetcher delegate, Pacer pacer, RetryPolicy retries, Clock clock) {
        this.delegate = delegate;
        this.pacer = pacer;
        this.retries = retries;
        this.clock = clock;
    }

    @Override
    public Response get(String source, URI uri, Map<String, String> requestHeaders) {
        Duration wait = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            String fault;
            Duration serverAsked = null;
            try {
                Response response = pacer.paced(wait, () -> delegate.get(source, uri, requestHeaders));
                if (!RetryPolicy.isTransient(response.status())) {
                    return response;
                }
                fault = "HTTP " + response.status();
                serverAsked = retryAfter(response.header("Retry-After"));
            } catch (FetchFailedException e) {
                if (attempt >= retries.attempts()) {
                    throw new SourceException(source, uri, failedAfter(attempt, e.problem()), e);
                }
                fault = e.problem();
            }
            if (attempt >= retries.attempts()) {
                throw new SourceException(source, uri, failedAfter(attempt, fault));
            }
            if (serverAsked != null && serverAsked.compareTo(retries.maxWait()) > 0) {
                throw new SourceException(source, uri, fault + " with Retry-After of " + serverAsked.toSeconds()
                        + " s, longer than paperwire.http.max-retry-wait-seconds (" + retries.maxWait().toSeconds() + " s)");
            }
            wait = serverAsked != null ? serverAsked : retries.backoff(attempt);
            LOG.warn("{}: {} from {}; retry {} of {} in {} ms", source, fault, uri, attempt, retries.attempts() - 1,
                    wait.toMillis());
        }
    }

    @Override
    public void reject(URI uri) {
        delegate.reject(uri);
    }

    private static String failedAfter(int attempts, String fault) {
        return attempts == 1 ? fault : fault + " (gave up after " + attempts + " attempts)";
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), until);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
