package io.paperwire.source;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.paperwire.testing.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.paperwire.source.ArxivRssParserTest.feed;
import static io.paperwire.source.ArxivRssParserTest.item;
import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RSS mode's daily step through {@code paperwire collect}, as operators who schedule with cron run it ({@code serve}
 * calls the same capture from its daily route).
 */
class AnnouncementCaptureIT {

    @RegisterExtension
    static WireMockExtension arxiv = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path home;

    private CommandResult collect(String mode) {
        return paperwire("--home", home.toString(),
                "--set", "paperwire.arxiv.mode=" + mode,
                "--set", "paperwire.arxiv.categories=cs.AI cs.LG",
                "--set", "paperwire.arxiv.rss-url=" + arxiv.baseUrl() + "/rss",
                "--set", "paperwire.arxiv.listing-url=" + arxiv.baseUrl() + "/list",
                "--set", "paperwire.arxiv.delay-seconds=0",
                "--set", "paperwire.http.retry-backoff-seconds=0.01",
                "collect");
    }

    @Test
    void inRssModeTodaysAnnouncementsAreStoredUnderTheirDay() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        String pubDate = today.atStartOfDay(ZoneId.of("America/New_York"))
                .format(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH));
        arxiv.stubFor(get(urlPathEqualTo("/rss/cs.AI+cs.LG")).willReturn(aResponse().withStatus(200)
                .withBody(feed(pubDate, item("2411.00001", 1, "new", "One", "Text.", "cs.AI"),
                        item("2411.00002", 1, "new", "Two", "Text.", "cs.LG")))));

        CommandResult result = collect("rss");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("arXiv announcements of " + today + ": 2 stored");
        try (Stream<Path> days = Files.list(home.resolve("data/arxiv-announcements"))) {
            assertThat(days.map(d -> d.getFileName().toString())).containsExactly(today.toString());
        }
    }

    @Test
    void whenNeitherFeedNorListingAnswersTheCommandFailsNamingTheFeed() {
        arxiv.stubFor(get(urlPathEqualTo("/rss/cs.AI+cs.LG")).willReturn(aResponse().withStatus(503)));

        CommandResult result = collect("rss");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("arXiv RSS: HTTP 503").contains(arxiv.baseUrl() + "/rss/");
    }

    @Test
    void inApiModeThereIsNothingToStore() {
        CommandResult result = collect("api");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("paperwire.arxiv.mode=api").contains("no announcement day to store");
        assertThat(home.resolve("data/arxiv-announcements")).doesNotExist();
    }
}
