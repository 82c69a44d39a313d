package io.paperwire.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.paperwire.paper.Week;
import io.paperwire.testing.RealFixtures;
import io.paperwire.testing.UsesRealRecordings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real recordings in ../shared/fixtures/real, replayed by WireMock through the sources (skipped when absent). */
@UsesRealRecordings
class RealRecordingsTest {

    @TempDir
    Path archive;

    WireMockServer server;
    Path real;

    @BeforeEach
    void start() {
        real = RealFixtures.folder();
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** A cassette's body as the service sent it (the recorder decoded UTF-8 as Latin-1). */
    private byte[] cassetteBody(String name) throws IOException {
        JsonNode cassette = new ObjectMapper().readTree(real.resolve(name).toFile());
        return cassette.path("body").asText().getBytes(StandardCharsets.ISO_8859_1);
    }

    private ArxivApiSource arxiv(int pageSize) {
        return new ArxivApiSource(SourceKit.polite(), SourceKit.arxiv(server, pageSize, Duration.ZERO), 2);
    }

    @Test
    void theRealEmptyResultIsBelievedAtOnce() throws IOException {
        server.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(200)
                .withBody(cassetteBody("arxiv-api-empty-result.cassette.json"))));

        SourceResult result = arxiv(100).fetch(SourceKit.WEEK);

        assertThat(result.papers()).isEmpty();
        assertThat(result.problems()).isEmpty();
        assertThat(result.requests()).isEqualTo(1);
    }

    @Test
    void theRealErrorAnswerBecomesOneErrorWithTheApisExplanation() throws IOException {
        server.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(400)
                .withBody(cassetteBody("arxiv-api-error-400-bad-id.cassette.json"))));

        assertThatThrownBy(() -> arxiv(100).fetch(SourceKit.WEEK)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("arXiv API: HTTP 400: the arXiv API answered with an error: incorrect id format for abc")
                .hasMessageContaining(server.baseUrl() + "/api/query?");
    }

    @Test
    void aRealPageIsReadAndEveryEntryIsEitherKeptOrCountedAsOutsideTheWeek() throws IOException {
        server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("start", equalTo("0")).willReturn(aResponse()
                .withStatus(200).withBody(Files.readAllBytes(real.resolve("arxiv-api-query-testing-max100.atom.xml")))));
        server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("start", equalTo("100")).willReturn(aResponse()
                .withStatus(200).withBody(cassetteBody("arxiv-api-empty-result.cassette.json"))));

        SourceResult result = arxiv(100).fetch(SourceKit.WEEK);

        int dropped = result.dropped().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(result.papers().size() + dropped).isEqualTo(100);
        assertThat(result.dropped()).containsKey("submitted outside " + SourceKit.WEEK);
        assertThat(result.requests()).isEqualTo(2);
    }

    @Test
    void theRealDailyPapersAreCollectedWithTheirSignals() throws IOException {
        byte[] day = Files.readAllBytes(real.resolve("hf-daily-papers-2026-06-12.json"));
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).willReturn(aResponse().withStatus(200).withBody("[]")));
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo("2026-06-12"))
                .willReturn(aResponse().withStatus(200).withBody(day)));

        SourceResult result = HuggingFaceSource.daily(SourceKit.polite(), SourceKit.hf(server), 100)
                .fetch(Week.parse("2026-W24"));

        assertThat(result.papers()).hasSize(new ObjectMapper().readTree(day).size());
        assertThat(result.papers()).anySatisfy(p -> assertThat(p.signals().githubRepo()).startsWith("https://github.com/"));
        assertThat(result.papers()).anySatisfy(p -> assertThat(p.signals().aiKeywords()).isNotEmpty());
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void theRealRssFeedIsCollectedForItsAnnouncementWeek() throws IOException {
        server.stubFor(get(urlPathEqualTo("/rss/cs.AI+cs.LG")).willReturn(aResponse().withStatus(200)
                .withBody(Files.readAllBytes(real.resolve("arxiv-rss-cs.AI-2026-04-27.trimmed.rss.xml")))));
        Clock monday = Clock.fixed(Instant.parse("2026-04-27T10:00:00Z"), ZoneOffset.UTC);

        SourceResult result = new ArxivRssSource(SourceKit.polite(), SourceKit.arxiv(server, 100, Duration.ZERO),
                Set.of("new", "cross"), archive, monday).fetch(Week.parse("2026-W18"));

        assertThat(result.papers()).extracting(p -> p.id().value()).contains("2604.21935").hasSize(3);
        assertThat(archive.resolve("2026-04-27/rss.xml")).exists();
    }
}
