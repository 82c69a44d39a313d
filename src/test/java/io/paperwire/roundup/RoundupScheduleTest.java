package io.paperwire.roundup;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RoundupScheduleTest {

    @Test
    void theFirstMondaysFireMailsTheRoundupOfTheMonthBefore() {
        Clock firstMondayOfJune = Clock.fixed(Instant.parse("2024-06-03T08:00:00Z"), ZoneOffset.UTC);

        RoundupRequest request = new RoundupSchedule(firstMondayOfJune, ZoneOffset.UTC).lastMonth();

        assertThat(request.period().id()).isEqualTo("2024-05");
        assertThat(request.send()).isTrue();
        assertThat(request.dryRun()).isFalse();
        assertThat(request.force()).as("a rerun of the same month mails nobody twice").isFalse();
    }

    @Test
    void theMonthIsTakenInTheSchedulesTimeZone() {
        // 1 January 03:00 UTC is still 31 December in New York: the month before is November.
        Clock newYearUtc = Clock.fixed(Instant.parse("2025-01-01T03:00:00Z"), ZoneOffset.UTC);

        RoundupRequest request = new RoundupSchedule(newYearUtc, ZoneId.of("America/New_York")).lastMonth();

        assertThat(request.period().id()).isEqualTo("2024-11");
    }
}
