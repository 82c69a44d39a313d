package io.paperwire.ops;

import io.paperwire.PaperwireSettings;
import io.paperwire.paper.RunRequest;
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
