package io.paperwire.source;

import io.paperwire.common.Backoff;
import io.paperwire.common.Pacer;
import io.paperwire.common.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PoliteFetcherTest {

    static final URI URL = URI.create("http://localhost/x");

    private final List<Duration> waits = new ArrayList<>();
    private final Pacer pacer = new Pacer(Duration.ofSeconds(3), waits::add);

    /** Answers with the given statuses in turn. */
    private static HttpFetcher answering(int... statuses) {
        int[] next = {0};
        return (source, uri, headers) -> new HttpFetcher.Response(uri, statuses[Math.min(next[0]++, statuses.length - 1)],
                "", new byte[0], Map.of("Retry-After", next[0] == 1 ? "7" : ""));
    }

    @Test
    void waitsWhatRetryAfterAsksThenBacksOffExponentially() {
        PoliteFetcher fetcher = new PoliteFetcher(answering(503, 502, 500, 200), pacer,
                new RetryPolicy(4, new Backoff(Duration.ofSeconds(4), Duration.ofSeconds(60), false), Duration.ofSeconds(60)));

        assertThat(fetcher.get("test", URL).status()).isEqualTo(200);

        // Retry 1: the 7 s asked by Retry-After; retries 2 and 3: the 4 s backoff doubled once and twice.
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(6900), Duration.ofSeconds(7));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(7900), Duration.ofSeconds(8));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(15900), Duration.ofSeconds(16));
    }

    @Test
    void keepsThePacingGapBetweenOrdinaryRequests() {
        PoliteFetcher fetcher = new PoliteFetcher(answering(200), pacer, RetryPolicy.NONE);

        fetcher.get("test", URL);
        fetcher.get("test", URL);

        assertThat(waits).singleElement().satisfies(w -> assertThat(w).isBetween(Duration.ofMillis(2900), Duration.ofSeconds(3)));
    }
}
