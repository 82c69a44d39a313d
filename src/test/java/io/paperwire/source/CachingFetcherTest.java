package io.paperwire.source;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class CachingFetcherTest {

    static final Instant MORNING = Instant.parse("2024-05-27T06:00:00Z");

    @TempDir
    Path cache;

    WireMockServer server;
    URI uri;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        uri = URI.create(server.baseUrl() + "/feed?x=1");
        server.stubFor(get(urlPathEqualTo("/feed")).withHeader("If-None-Match", absent())
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"")
                        .withHeader("Last-Modified", "Mon, 27 May 2024 04:00:00 GMT").withBody("first answer")));
        server.stubFor(get(urlPathEqualTo("/feed")).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private CachingFetcher fetcher(Instant now) {
        return new CachingFetcher(SourceKit.polite(), cache, Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));
    }

    private int requests() {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/feed")).build()).getCount();
    }

    @Test
    void anAnswerFromEarlierTheSameDayIsServedWithoutARequest() {
        fetcher(MORNING).get("test", uri);

        HttpFetcher.Response again = fetcher(MORNING.plus(Duration.ofHours(3))).get("test", uri);

        assertThat(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo("first answer");
        assertThat(again.header(CachingFetcher.CACHE_HEADER)).isEqualTo("hit");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void anOlderAnswerIsRevalidatedWithItsEtagAndReusedOn304() {
        fetcher(MORNING).get("test", uri);

        HttpFetcher.Response next = fetcher(MORNING.plus(Duration.ofDays(1))).get("test", uri);

        assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("first answer");
        assertThat(next.header(CachingFetcher.CACHE_HEADER)).isEqualTo("revalidated");
        assertThat(requests()).isEqualTo(2);
        server.verify(getRequestedFor(urlPathEqualTo("/feed")).withHeader("If-None-Match", equalTo("\"v1\""))
                .withHeader("If-Modified-Since", equalTo("Mon, 27 May 2024 04:00:00 GMT")));
        fetcher(MORNING.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))).get("test", uri);
        assertThat(requests()).as("a revalidated answer is fresh again").isEqualTo(2);
    }

    @Test
    void aRejectedAnswerIsForgottenAndFetchedAgain() {
        CachingFetcher fetcher = fetcher(MORNING);
        fetcher.get("test", uri);

        fetcher.reject(uri);
        fetcher.get("test", uri);

        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void failedAnswersAreNotStored() {
        server.stubFor(get(urlPathEqualTo("/missing")).willReturn(aResponse().withStatus(404)));
        URI missing = URI.create(server.baseUrl() + "/missing");

        assertThat(fetcher(MORNING).get("test", missing).status()).isEqualTo(404);
        assertThat(fetcher(MORNING).get("test", missing).status()).isEqualTo(404);
        assertThat(server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/missing")).build()).getCount()).isEqualTo(2);
    }
}
