package io.paperwire.source;

import io.paperwire.common.Pacer;
import io.paperwire.common.RetryAfter;
import io.paperwire.common.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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
            Optional<Duration> serverAsked = Optional.empty();
            try {
                Response response = pacer.paced(wait, () -> delegate.get(source, uri, requestHeaders));
                if (!isTransient(response.status())) {
                    return response;
                }
                fault = "HTTP " + response.status();
                serverAsked = RetryAfter.parse(response.header("Retry-After"), clock);
            } catch (FetchFailedException e) {
                if (attempt >= retries.attempts()) {
                    throw new SourceException(source, uri, failedAfter(attempt, e.problem()), e);
                }
                fault = e.problem();
            }
            if (attempt >= retries.attempts()) {
                throw new SourceException(source, uri, failedAfter(attempt, fault));
            }
            Optional<Duration> delay = retries.delayBefore(attempt, serverAsked);
            if (delay.isEmpty()) {
                throw new SourceException(source, uri, fault + " with Retry-After of " + serverAsked.orElseThrow().toSeconds()
                        + " s, longer than paperwire.http.max-retry-wait-seconds (" + retries.maxWait().toSeconds() + " s)");
            }
            wait = delay.get();
            LOG.warn("{}: {} from {}; retry {} of {} in {} ms", source, fault, uri, attempt, retries.retries(),
                    wait.toMillis());
        }
    }

    /** 429, 408 and 5xx: the server may answer next time. */
    static boolean isTransient(int status) {
        return status == 429 || status == 408 || status >= 500 && status <= 599;
    }

    @Override
    public void reject(URI uri) {
        delegate.reject(uri);
    }

    private static String failedAfter(int attempts, String fault) {
        return attempts == 1 ? fault : fault + " (gave up after " + attempts + " attempts)";
    }
}
