package io.paperwire.source;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.paperwire.paper.Paper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.paperwire.source.ArxivListingParserTest.listed;
import static io.paperwire.source.ArxivListingParserTest.section;
import static io.paperwire.source.ArxivRssParserTest.feed;
import static io.paperwire.source.ArxivRssParserTest.item;
import static io.paperwire.source.SourceKit.MONDAY;
import static io.paperwire.source.SourceKit.WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The week collected from five RSS announcement days, one of them through the listing pages. */
class ArxivRssSourceTest {

    static final String FEED_PATH = "/rss/cs.AI+cs.LG";
    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH);

    @TempDir
    Path archive;

    WireMockServer server;
    MovableClock clock = new MovableClock();

    /** A clock the test moves from one announcement day to the next. */
    static final class MovableClock extends Clock {
        Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MovableClock outer = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return outer.withZone(other);
                }

                @Override
                public Instant instant() {
                    return outer.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }

        void morningOf(LocalDate day) {
            now = day.atTime(6, 0).atZone(ArxivRssSource.ARXIV_ZONE).toInstant();
        }
    }

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private ArxivRssSource source() {
        return new ArxivRssSource(SourceKit.polite(), SourceKit.arxiv(server, 100, Duration.ZERO), Set.of("new", "cross"),
                archive, clock);
    }

    private static String pubDate(LocalDate day) {
        return day.atStartOfDay(ArxivRssSource.ARXIV_ZONE).format(RFC_1123);
    }

    private void feedAnswers(String body) {
        server.stubFor(get(urlPathEqualTo(FEED_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withBody(body)));
    }

    private static String id(int day, int n) {
        return String.format("2405.%d%04d", day + 1, n);
    }

    private int requests(String path) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }

    @Test
    void assemblesTheWeekFromFiveAnnouncementDaysWithTheListingAsFallback() {
        List<SourceResult> results = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            LocalDate day = MONDAY.plusDays(d);
            server.resetAll();
            if (d == 2) {
                server.stubFor(get(urlPathEqualTo(FEED_PATH)).willReturn(aResponse().withStatus(503)));
                server.stubFor(get(urlPathEqualTo("/list/cs.AI/new")).willReturn(aResponse().withStatus(200).withBody(
                        ArxivListingParserTest.currentListing(section("New submissions"),
                                listed(id(d, 1), "Listed One", "Artificial Intelligence (cs.AI)"),
                                listed(id(d, 2), "Listed Two", "Artificial Intelligence (cs.AI)"),
                                section("Replacement submissions"),
                                listed("2401.00001", "Old", "Artificial Intelligence (cs.AI)"))
                                .replace("Thursday, 23 May 2024", "Wednesday, 22 May 2024"))));
                server.stubFor(get(urlPathEqualTo("/list/cs.LG/new")).willReturn(aResponse().withStatus(200).withBody(
                        ArxivListingParserTest.currentListing(section("New submissions"),
                                listed(id(d, 3), "Listed Three", "Machine Learning (cs.LG)"),
                                section("Cross submissions"),
                                listed(id(d, 1), "Listed One", "Artificial Intelligence (cs.AI); Machine Learning (cs.LG)"))
                                .replace("Thursday, 23 May 2024", "Wednesday, 22 May 2024"))));
            } else {
                feedAnswers(feed(pubDate(day),
                        item(id(d, 1), 1, "new", "Paper " + id(d, 1), "Text.", "cs.AI"),
                        item(id(d, 2), 1, "new", "Paper " + id(d, 2), "Text.", "cs.LG"),
                        item(id(d, 3), 1, "cross", "Paper " + id(d, 3), "Text.", "stat.ML", "cs.LG"),
                        item("2401.0000" + d, 2, "replace", "Revised", "Text.", "cs.LG")));
            }
            clock.morningOf(day);
            results.add(source().fetch(WEEK));
        }

        SourceResult wednesday = results.get(2);
        assertThat(wednesday.problems()).anySatisfy(p -> assertThat(p).startsWith("arXiv RSS: HTTP 503")
                .contains(server.baseUrl() + FEED_PATH).endsWith("reading the listing pages instead"));
        SourceResult week = results.get(4);
        assertThat(week.papers()).hasSize(15);
        assertThat(week.papers().stream().map(Paper::id).distinct()).hasSize(15);
        for (int d = 0; d < 5; d++) {
            for (int n = 1; n <= 3; n++) {
                String expected = id(d, n);
                assertThat(week.papers()).anySatisfy(p -> assertThat(p.id().value()).isEqualTo(expected));
            }
        }
        Paper crossListed = week.papers().stream().filter(p -> p.id().value().equals(id(2, 1))).findFirst().orElseThrow();
        assertThat(crossListed.categories()).containsExactlyInAnyOrder("cs.AI", "cs.LG");
        assertThat(week.dropped()).containsEntry("announce type replace", 5);
        assertThat(week.problems()).isEmpty();
    }

    @Test
    void aDayCapturedOnItsMorningIsInTheWeekEvenWhenTheWeeklyRunFindsTheFeedGone() {
        feedAnswers(feed(pubDate(MONDAY), item(id(0, 1), 1, "new", "Monday One", "Text.", "cs.AI"),
                item(id(0, 2), 1, "cross", "Monday Two", "Text.", "stat.ML", "cs.LG")));
        clock.morningOf(MONDAY);

        ArxivRssSource.Capture monday = source().capture();

        assertThat(monday.today()).isEqualTo(MONDAY);
        assertThat(monday.announcements()).isEqualTo(2);
        assertThat(monday.problems()).isEmpty();
        assertThat(archive.resolve(MONDAY.toString())).isDirectory();

        // Friday: the feed shows Friday only, and the week still has Monday's papers from the morning capture.
        LocalDate friday = MONDAY.plusDays(4);
        server.resetAll();
        feedAnswers(feed(pubDate(friday), item(id(4, 1), 1, "new", "Friday One", "Text.", "cs.LG")));
        clock.morningOf(friday);

        SourceResult week = source().fetch(WEEK);

        assertThat(week.papers()).extracting(p -> p.id().value()).containsExactlyInAnyOrder(id(0, 1), id(0, 2), id(4, 1));
        assertThat(requests("/list/cs.AI/new")).as("no listing needed").isZero();
    }

    @Test
    void anEmptyFeedOnAWeekdayFallsBackToTheListingButOnAWeekendItIsBelieved() {
        feedAnswers(feed(pubDate(MONDAY.plusDays(5))));
        clock.morningOf(MONDAY.plusDays(5));

        SourceResult saturday = source().fetch(WEEK);

        assertThat(saturday.papers()).isEmpty();
        assertThat(requests("/list/cs.AI/new")).isZero();

        server.stubFor(get(urlPathEqualTo("/list/cs.AI/new")).willReturn(aResponse().withStatus(200).withBody(
                ArxivListingParserTest.currentListing(section("New submissions"),
                        listed("2405.70001", "Listed", "Artificial Intelligence (cs.AI)")))));
        server.stubFor(get(urlPathEqualTo("/list/cs.LG/new")).willReturn(aResponse().withStatus(200).withBody(
                ArxivListingParserTest.currentListing(section("New submissions")))));
        feedAnswers(feed(pubDate(MONDAY.plusDays(3))));
        clock.morningOf(MONDAY.plusDays(3));

        SourceResult thursday = source().fetch(WEEK);

        assertThat(thursday.papers()).extracting(p -> p.id().value()).containsExactly("2405.70001");
        assertThat(thursday.problems()).anySatisfy(p -> assertThat(p).contains("the feed is empty on 2024-05-23"));
    }

    @Test
    void whenFeedAndListingFailAndNoDayIsStoredTheSourceFailsNamingTheFeedUrl() {
        server.stubFor(get(urlPathEqualTo(FEED_PATH)).willReturn(aResponse().withStatus(200).withBody("<rss><channel><item>")));
        server.stubFor(get(urlPathEqualTo("/list/cs.AI/new")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathEqualTo("/list/cs.LG/new")).willReturn(aResponse().withStatus(404)));
        clock.morningOf(MONDAY.plusDays(1));

        assertThatThrownBy(() -> source().fetch(WEEK)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("arXiv RSS: malformed RSS XML")
                .hasMessageContaining(server.baseUrl() + FEED_PATH);
        assertThat(requests("/list/cs.LG/new")).isEqualTo(1);
    }
}
