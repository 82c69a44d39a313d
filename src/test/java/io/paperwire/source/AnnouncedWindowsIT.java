package io.paperwire.source;

import com.sun.net.httpserver.HttpServer;
import io.paperwire.ops.WeeklySchedule;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.testing.FakeWeek;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four consecutive scheduled runs against an arXiv API stand-in that lists a paper only once arXiv would have
 * announced it, its clock set to each fire time: every paper submitted in those weeks reaches exactly one issue's
 * candidates, across the March and the November daylight-saving changes. The stand-in computes announcement times
 * from arXiv's published rules on its own, not with {@link Week}.
 */
class AnnouncedWindowsIT {

    static final ZoneId EASTERN = ZoneId.of("America/New_York");
    static final LocalTime DEADLINE = LocalTime.of(14, 0);
    static final String DEFAULT_CRON = "0 0 7 ? * MON";
    /** The stand-in's search index trails an announcement by this much (less than Paperwire's margin). */
    static final Duration STAND_IN_INDEX_LAG = Duration.ofHours(2);
    static final LocalTime[] SUBMISSION_TIMES = {LocalTime.of(0, 30), LocalTime.of(7, 10), LocalTime.of(13, 59, 59),
            LocalTime.of(14, 0), LocalTime.of(18, 45), LocalTime.of(23, 59, 30)};

    HttpServer server;
    volatile Instant standInNow;
    final List<FakeWeek.FakePaper> submitted = new ArrayList<>();

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/query", exchange -> {
            byte[] body = answer(exchange.getRequestURI()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/atom+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    @Test
    void fourMondayRunsAcrossTheMarchChangeListEveryPaperOnce() throws Exception {
        runFourWeeksAndCheck(LocalDate.of(2024, 3, 4));
    }

    @Test
    void fourMondayRunsAcrossTheNovemberChangeListEveryPaperOnce() throws Exception {
        runFourWeeksAndCheck(LocalDate.of(2024, 10, 28));
    }

    private void runFourWeeksAndCheck(LocalDate firstFireDay) throws Exception {
        // Papers every day from two weeks before the first run to a week after the last one, weekends included.
        for (LocalDate day = firstFireDay.minusWeeks(2); day.isBefore(firstFireDay.plusWeeks(4)); day = day.plusDays(1)) {
            for (LocalTime time : SUBMISSION_TIMES) {
                submit(day.atTime(time).atZone(EASTERN).toInstant());
            }
        }
        WeeklySchedule schedule = new WeeklySchedule(new PaperwireSettings.Schedule(true, DEFAULT_CRON, ZoneOffset.UTC,
                Duration.ofHours(12), false), null, Clock.systemUTC());
        CronExpression cron = new CronExpression(DEFAULT_CRON);
        cron.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));

        Map<String, List<String>> issuesOfPaper = new HashMap<>();
        List<Week> weeks = new ArrayList<>();
        Date fire = cron.getNextValidTimeAfter(Date.from(firstFireDay.atStartOfDay(ZoneOffset.UTC).toInstant()));
        for (int run = 0; run < 4; run++, fire = cron.getNextValidTimeAfter(fire)) {
            standInNow = fire.toInstant();
            RunRequest request = schedule.requestFor(standInNow);
            weeks.add(request.week());
            ArxivApiSource api = new ArxivApiSource(SourceKit.polite(), arxivSettings(), 1);
            for (Paper paper : new SourceStage(r -> List.of(api)).collect(request).papers()) {
                issuesOfPaper.computeIfAbsent(paper.id().toString(), id -> new ArrayList<>()).add(request.week().toString());
            }
        }

        assertThat(weeks).as("consecutive weeks").containsExactly(weeks.get(0), weeks.get(0).next(),
                weeks.get(0).next().next(), weeks.get(0).next().next().next());
        // The four issues cover listing days Monday of the first week to Friday of the last: the submissions from the
        // Thursday deadline before the first of those Mondays to the Thursday deadline of the last week.
        LocalDate firstMonday = firstFireDay.minusWeeks(1);
        Instant from = firstMonday.minusDays(4).atTime(DEADLINE).atZone(EASTERN).toInstant();
        Instant until = firstMonday.plusWeeks(3).plusDays(3).atTime(DEADLINE).atZone(EASTERN).toInstant();
        int inStretch = 0;
        for (FakeWeek.FakePaper paper : submitted) {
            List<String> issues = issuesOfPaper.getOrDefault(paper.id(), List.of());
            if (!paper.published().isBefore(from) && paper.published().isBefore(until)) {
                inStretch++;
                assertThat(issues).as("issues of the paper submitted %s (%s)", paper.published(),
                        paper.published().atZone(EASTERN)).hasSize(1);
            } else {
                assertThat(issues).as("paper submitted %s, outside the four weeks", paper.published()).isEmpty();
            }
        }
        assertThat(inStretch).as("four weeks of papers, six a day").isEqualTo(4 * 7 * SUBMISSION_TIMES.length);
    }

    private void submit(Instant when) {
        int n = submitted.size();
        submitted.add(new FakeWeek.FakePaper(String.format("2401.%05d", 10000 + n), 1, "Window Study " + n,
                "We study window " + n + ". It is announced when arXiv says.", List.of("Ada Example"), "cs.LG", when,
                -1, null));
    }

    private PaperwireSettings.Arxiv arxivSettings() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new PaperwireSettings.Arxiv(URI.create(base + "/api/query"), URI.create(base + "/rss"),
                URI.create(base + "/list"), List.of("cs.LG"), 50, Duration.ZERO);
    }

    private static final Pattern RANGE = Pattern.compile("submittedDate:\\[(\\d{12}) TO (\\d{12})]");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    /** The stand-in's answer: the papers submitted in the asked minutes (both ends included) and already listed. */
    private String answer(URI uri) {
        Map<String, String> query = SampleFetcher.query(uri);
        Matcher range = RANGE.matcher(query.getOrDefault("search_query", ""));
        if (!range.find()) {
            throw new IllegalArgumentException("no submittedDate range in " + uri);
        }
        Instant from = LocalDateTime.parse(range.group(1), MINUTE).toInstant(ZoneOffset.UTC);
        Instant to = LocalDateTime.parse(range.group(2), MINUTE).toInstant(ZoneOffset.UTC).plusSeconds(60);
        FakeWeek listed = new FakeWeek();
        submitted.stream()
                .filter(p -> !p.published().isBefore(from) && p.published().isBefore(to))
                .filter(p -> !announcement(p.published()).plus(STAND_IN_INDEX_LAG).isAfter(standInNow))
                .forEach(listed::add);
        int start = Integer.parseInt(query.getOrDefault("start", "0"));
        int size = Integer.parseInt(query.getOrDefault("max_results", "10"));
        return listed.atomPage(start, size, listed.papers().size());
    }

    /**
     * arXiv's rule: a submission is announced at 20:00 Eastern after the next weekday 14:00 deadline it makes; what
     * makes Friday's deadline is announced on Sunday evening.
     */
    static Instant announcement(Instant submittedAt) {
        LocalDateTime local = LocalDateTime.ofInstant(submittedAt, EASTERN);
        LocalDate deadlineDay = local.toLocalDate();
        if (!local.toLocalTime().isBefore(DEADLINE)) {
            deadlineDay = deadlineDay.plusDays(1);
        }
        while (deadlineDay.getDayOfWeek() == DayOfWeek.SATURDAY || deadlineDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            deadlineDay = deadlineDay.plusDays(1);
        }
        LocalDate announced = deadlineDay.getDayOfWeek() == DayOfWeek.FRIDAY ? deadlineDay.plusDays(2) : deadlineDay;
        return announced.atTime(20, 0).atZone(EASTERN).toInstant();
    }

    @Test
    void theStandInAnnouncesByArxivsRules() {
        assertThat(announcement(Instant.parse("2024-05-20T17:59:59Z"))).as("Monday 13:59:59 EDT: Monday evening")
                .isEqualTo(Instant.parse("2024-05-21T00:00:00Z"));
        assertThat(announcement(Instant.parse("2024-05-20T18:00:00Z"))).as("Monday 14:00 EDT: Tuesday evening")
                .isEqualTo(Instant.parse("2024-05-22T00:00:00Z"));
        assertThat(announcement(Instant.parse("2024-05-23T18:00:00Z"))).as("Thursday 14:00 EDT: Sunday evening")
                .isEqualTo(Instant.parse("2024-05-27T00:00:00Z"));
        assertThat(announcement(Instant.parse("2024-05-24T18:00:00Z"))).as("Friday 14:00 EDT: Monday evening")
                .isEqualTo(Instant.parse("2024-05-28T00:00:00Z"));
        assertThat(announcement(Instant.parse("2024-05-26T12:00:00Z"))).as("Sunday: Monday evening")
                .isEqualTo(Instant.parse("2024-05-28T00:00:00Z"));
    }
}
