package io.paperwire.ops;

import io.paperwire.paper.RunRequest;
import io.paperwire.settings.PaperwireSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyScheduleTest {

    static WeeklySchedule schedule(String cron, ZoneId zone, Duration grace) {
        return new WeeklySchedule(new PaperwireSettings.Schedule(true, cron, zone, grace, false), null,
                Clock.systemUTC());
    }

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void theDefaultMondayCronBuildsEveryWeekOnceThroughBothDaylightSavingChanges() {
        assertThat(schedule("0 0 7 ? * MON", ZoneOffset.UTC, Duration.ofHours(12)).cronMisfit(START)).isEmpty();
        assertThat(schedule("0 0 7 ? * MON", ZoneOffset.UTC, Duration.ofHours(12))
                .cronMisfit(Instant.parse("2026-12-01T00:00:00Z"))).as("across the 53-week year 2026").isEmpty();
        assertThat(schedule("0 0 22 ? * THU", ZoneId.of("America/New_York"), Duration.ofHours(12)).cronMisfit(START))
                .as("Thursday 22:00 Eastern builds the week before, in any season").isEmpty();
    }

    @Test
    void warnsOfACronThatFiresMoreThanWeekly() {
        assertThat(schedule("0 0 7 * * ?", ZoneOffset.UTC, Duration.ofHours(12)).cronMisfit(START))
                .hasValueSatisfying(line -> assertThat(line).contains("'0 0 7 * * ?'")
                        .contains("2024-01-01T07:00:00Z and 2024-01-02T07:00:00Z").contains("both build 2023-W52")
                        .contains("its issue is run twice"));
    }

    @Test
    void warnsOfACronThatFiresEveryOtherWeek() {
        assertThat(schedule("0 0 7 ? * MON#1", ZoneOffset.UTC, Duration.ofHours(12)).cronMisfit(START))
                .hasValueSatisfying(line -> assertThat(line).contains("'0 0 7 ? * MON#1'")
                        .contains("(building 2023-W52)")
                        .contains("2024-W01 gets no issue"));
    }

    @Test
    void warnsOfAWeeklyCronThatDaylightSavingMovesAcrossTheAnnouncement() {
        // Friday 04:30 UTC is after the week is complete in summer (04:00) and before it in winter (05:00): the March
        // change skips a week, the November change repeats one.
        assertThat(schedule("0 30 4 ? * FRI", ZoneOffset.UTC, Duration.ofHours(12)).cronMisfit(START))
                .hasValueSatisfying(line -> assertThat(line).contains("2024-03-08T04:30:00Z (building 2024-W09)")
                        .contains("2024-03-15T04:30:00Z (building 2024-W11)").contains("2024-W10 gets no issue"));
        assertThat(schedule("0 30 4 ? * FRI", ZoneOffset.UTC, Duration.ofHours(12))
                .cronMisfit(Instant.parse("2024-06-01T00:00:00Z")))
                .hasValueSatisfying(line -> assertThat(line).contains("both build 2024-W44"));
    }

    @Test
    void theSampleScheduleBuildsTheSampleWeekWithoutWarning() {
        WeeklySchedule sample = new WeeklySchedule(new PaperwireSettings.Schedule(true, "0 * * * * ?", ZoneOffset.UTC,
                Duration.ofHours(12), true), null, Clock.systemUTC());
        assertThat(sample.cronMisfit(START)).isEmpty();
        assertThat(sample.requestFor(START).week().toString()).isEqualTo("2024-W21");
    }

    @Test
    void aFridayMorningRunBuildsTheWeekWhoseListingsEndThatDay() {
        assertThat(schedule("0 0 7 ? * FRI", ZoneOffset.UTC, Duration.ofHours(12))
                .requestFor(Instant.parse("2024-05-24T07:00:00Z")).week().toString()).isEqualTo("2024-W21");
    }

    @Test
    void theMondayRunCoversThePreviousIsoWeek() {
        RunRequest request = schedule("0 0 7 ? * MON", ZoneOffset.UTC, Duration.ofHours(12))
                .requestFor(Instant.parse("2024-05-27T07:00:00Z"));
        assertThat(request.week().toString()).isEqualTo("2024-W21");
        assertThat(request.send()).isTrue();
        assertThat(request.dryRun()).isFalse();
    }

    @Test
    void findsTheLastFireTimeWithinTheGraceInTheScheduleTimeZone() {
        WeeklySchedule berlin = schedule("0 0 7 ? * MON", ZoneId.of("Europe/Berlin"), Duration.ofHours(12));
        assertThat(berlin.lastFireTimeWithinGrace(Instant.parse("2024-05-27T10:00:00Z")))
                .hasValue(Instant.parse("2024-05-27T05:00:00Z"));
        assertThat(berlin.lastFireTimeWithinGrace(Instant.parse("2024-05-27T18:00:00Z")))
                .as("13 hours late is beyond the grace").isEmpty();
        assertThat(berlin.lastFireTimeWithinGrace(Instant.parse("2024-05-27T04:59:59Z"))).isEmpty();
    }
}
