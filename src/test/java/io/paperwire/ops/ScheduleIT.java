package io.paperwire.ops;

import io.paperwire.paper.Week;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.paperwire.ops.ServeNode.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedules of {@code serve}: Quartz fires the weekly cron once, a missed fire is caught up once, and in RSS mode
 * the daily capture stores the announcement day.
 */
class ScheduleIT {

    @TempDir
    Path home;

    /** A cron that fires exactly once, at this second (UTC). */
    static String cronAt(Instant when) {
        ZonedDateTime t = when.atZone(ZoneOffset.UTC);
        return String.format("%d %d %d %d %d ? %d", t.getSecond(), t.getMinute(), t.getHour(), t.getDayOfMonth(),
                t.getMonthValue(), t.getYear());
    }

    @Test
    void firesTheRunWhenTheCronComesExactlyOnce() throws Exception {
        // Far enough ahead for a slow start on a busy machine; the test waits only as long as needed.
        Instant fire = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(20);
        try (ServeNode node = ServeNode.start(home, Map.of(), Map.of("paperwire.schedule.cron", cronAt(fire)))) {
            assertThat(Instant.now()).as("the node started before the fire time").isBefore(fire);
            assertThat(node.runs().recent(10)).as("nothing runs before the fire time").isEmpty();
            awaitUntil(Duration.ofSeconds(60), () -> node.runs().findScheduled(fire).map(RunStatus::finished).orElse(false));
            assertThat(node.caughtUp()).as("nothing to make up at a start before the fire time").isFalse();
            List<RunStatus> runs = node.runs().recent(10);
            assertThat(runs).hasSize(1);
            RunStatus run = runs.get(0);
            assertThat(run.trigger()).isEqualTo(Trigger.SCHEDULE);
            assertThat(run.scheduledFor()).isEqualTo(fire);
            assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(run.week()).isEqualTo(Week.parse("2024-W21"));
        }
    }

    @Test
    void aFireMissedWhileStoppedIsCaughtUpOnceOnRestartWithinTheGrace() throws Exception {
        Instant fire = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(20);
        Map<String, String> settings = Map.of("paperwire.schedule.cron", cronAt(fire),
                "paperwire.schedule.grace-minutes", "10");
        try (ServeNode node = ServeNode.start(home, Map.of(), settings)) {
            assertThat(Instant.now()).as("the node started before the fire time").isBefore(fire);
            assertThat(node.runs().recent(10)).isEmpty();
        }
        awaitUntil(Duration.ofSeconds(30), () -> Instant.now().isAfter(fire.plusSeconds(1)));

        try (ServeNode node = ServeNode.start(home, Map.of(), settings)) {
            assertThat(node.caughtUp()).as("the missed fire within the grace is made up").isTrue();
            awaitUntil(Duration.ofSeconds(60), () -> node.runs().findScheduled(fire).map(RunStatus::finished).orElse(false));
            assertThat(node.runs().recent(10)).singleElement().satisfies(run -> {
                assertThat(run.scheduledFor()).isEqualTo(fire);
                assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
            });
        }
        try (ServeNode node = ServeNode.start(home, Map.of(), settings)) {
            assertThat(node.caughtUp()).as("a second restart does not make it up again").isFalse();
            assertThat(node.runs().recent(10)).as("a second restart does not run it again").hasSize(1);
        }
    }

    @Test
    void aFireMissedLongerAgoThanTheGraceIsNotCaughtUp() throws Exception {
        Instant fire = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(180);
        try (ServeNode node = ServeNode.start(home, Map.of(), Map.of("paperwire.schedule.cron", cronAt(fire),
                "paperwire.schedule.grace-minutes", "1"))) {
            assertThat(node.caughtUp()).as("a fire older than the grace is not made up").isFalse();
            assertThat(node.runs().recent(10)).isEmpty();
        }
    }

    @Test
    void inRssModeTheDailyScheduleStoresTheAnnouncementDay() throws Exception {
        com.github.tomakehurst.wiremock.WireMockServer arxiv = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
        arxiv.start();
        try {
            java.time.ZoneId arxivZone = java.time.ZoneId.of("America/New_York");
            java.time.LocalDate today = java.time.LocalDate.now(arxivZone);
            arxiv.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/rss/cs.AI+cs.LG").willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.ok(io.paperwire.source.ArxivRssParserTest.feed(
                            today.atStartOfDay(arxivZone).format(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                                    .withLocale(java.util.Locale.ENGLISH)),
                            io.paperwire.source.ArxivRssParserTest.item("2411.00001", 1, "new", "One", "Text.", "cs.AI")))));
            Map<String, String> settings = Map.of(
                    "paperwire.arxiv.mode", "rss",
                    "paperwire.arxiv.categories", "cs.AI cs.LG",
                    "paperwire.arxiv.rss-url", arxiv.baseUrl() + "/rss",
                    "paperwire.arxiv.delay-seconds", "0",
                    "paperwire.schedule.cron", "0 0 0 1 1 ? 2099",
                    "paperwire.schedule.announcements-cron", "* * * * * ?",
                    "paperwire.schedule.announcements-time-zone", "UTC");
            try (ServeNode node = ServeNode.start(home, Map.of(), settings)) {
                Path day = home.resolve("data/arxiv-announcements").resolve(today.toString());
                awaitUntil(Duration.ofSeconds(30), () -> java.nio.file.Files.isDirectory(day));
                assertThat(day.resolve("rss.xml")).isRegularFile();
                assertThat(node.runs().recent(10)).as("the daily capture is no run").isEmpty();
            }
        } finally {
            arxiv.stop();
        }
    }
}
