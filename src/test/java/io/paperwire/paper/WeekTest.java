package io.paperwire.paper;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeekTest {

    @Test
    void coversTheSubmissionsOfItsListingDaysMondayToFriday() {
        Week week = Week.parse("2024-W21");

        assertThat(week.monday()).isEqualTo(LocalDate.of(2024, 5, 20));
        assertThat(week.listingDays()).containsExactly(LocalDate.of(2024, 5, 20), LocalDate.of(2024, 5, 21),
                LocalDate.of(2024, 5, 22), LocalDate.of(2024, 5, 23), LocalDate.of(2024, 5, 24));
        assertThat(week.firstListingDay()).isEqualTo(LocalDate.of(2024, 5, 20));
        assertThat(week.lastListingDay()).isEqualTo(LocalDate.of(2024, 5, 24));
        // Thursday 14:00 EDT (UTC-4) before to Thursday 14:00 EDT of the week.
        assertThat(week.submissionsFrom()).isEqualTo(Instant.parse("2024-05-16T18:00:00Z"));
        assertThat(week.submissionsUntil()).isEqualTo(Instant.parse("2024-05-23T18:00:00Z"));
        assertThat(week.contains(Instant.parse("2024-05-16T17:59:59Z"))).isFalse();
        assertThat(week.contains(Instant.parse("2024-05-16T18:00:00Z"))).isTrue();
        assertThat(week.contains(Instant.parse("2024-05-23T17:59:59Z"))).isTrue();
        assertThat(week.contains(Instant.parse("2024-05-23T18:00:00Z"))).isFalse();
        assertThat(week.announcedAt()).as("Friday's listing, Thursday 20:00 EDT")
                .isEqualTo(Instant.parse("2024-05-24T00:00:00Z"));
        assertThat(week.toString()).isEqualTo("2024-W21");
    }

    @Test
    void followsUsEasternTimeAcrossDaylightSaving() {
        // 2024-W10: from Thursday 2024-02-29 14:00 EST (UTC-5) to Thursday 2024-03-07 14:00 EST.
        assertThat(Week.parse("2024-W10").submissionsFrom()).isEqualTo(Instant.parse("2024-02-29T19:00:00Z"));
        // 2024-W11 starts in EST and ends after the change of Sunday 2024-03-10, at 14:00 EDT (UTC-4).
        Week march = Week.parse("2024-W11");
        assertThat(march.submissionsFrom()).isEqualTo(Instant.parse("2024-03-07T19:00:00Z"));
        assertThat(march.submissionsUntil()).isEqualTo(Instant.parse("2024-03-14T18:00:00Z"));
        // 2024-W45 starts in EDT and ends after the change of Sunday 2024-11-03, in EST.
        Week november = Week.parse("2024-W45");
        assertThat(november.submissionsFrom()).isEqualTo(Instant.parse("2024-10-31T18:00:00Z"));
        assertThat(november.submissionsUntil()).isEqualTo(Instant.parse("2024-11-07T19:00:00Z"));
    }

    @Test
    void consecutiveWindowsTileTimeWithNoGapAndNoOverlapForYears() {
        Week week = Week.parse("2019-W50");
        int weeks = 0;
        while (week.compareTo(Week.parse("2031-W02")) < 0) {
            Week next = week.next();
            assertThat(next.submissionsFrom()).as("%s ends where %s starts", week, next).isEqualTo(week.submissionsUntil());
            assertThat(next.previous()).isEqualTo(week);
            assertThat(next.monday()).isEqualTo(week.monday().plusWeeks(1));
            assertThat(week.contains(week.submissionsUntil().minusSeconds(1))).isTrue();
            assertThat(next.contains(week.submissionsUntil().minusSeconds(1))).isFalse();
            week = next;
            weeks++;
        }
        assertThat(weeks).as("eleven years of weeks, 2020-W53 and 2026-W53 included").isGreaterThan(570);
    }

    @Test
    void theLatestAnnouncedWeekIsTheOneWhoseFridayListingIsOutWithTheIndexLag() {
        assertThat(Week.latestAnnounced(Instant.parse("2024-05-27T07:00:00Z"))).as("the Monday run")
                .isEqualTo(Week.parse("2024-W21"));
        // W21's last listing is announced Friday 2024-05-24 00:00 UTC; with the 4 h index lag it is complete at 04:00.
        assertThat(Week.latestAnnounced(Instant.parse("2024-05-24T03:59:59Z"))).isEqualTo(Week.parse("2024-W20"));
        assertThat(Week.latestAnnounced(Instant.parse("2024-05-24T04:00:00Z"))).isEqualTo(Week.parse("2024-W21"));
        assertThat(Week.latestAnnounced(Instant.parse("2024-05-30T23:00:00Z"))).isEqualTo(Week.parse("2024-W21"));
        // Winter: Thursday 20:00 EST is Friday 01:00 UTC, complete at 05:00 UTC.
        assertThat(Week.latestAnnounced(Instant.parse("2024-01-12T04:59:59Z"))).isEqualTo(Week.parse("2024-W01"));
        assertThat(Week.latestAnnounced(Instant.parse("2024-01-12T05:00:00Z"))).isEqualTo(Week.parse("2024-W02"));
        assertThat(Week.latestAnnounced(Instant.parse("2021-01-04T07:00:00Z"))).as("across a 53-week year")
                .isEqualTo(Week.parse("2020-W53"));
    }

    @Test
    void handlesWeek53AndTheYearBoundary() {
        assertThat(Week.parse("2020-W53").monday()).isEqualTo(LocalDate.of(2020, 12, 28));
        assertThat(Week.containing(LocalDate.of(2021, 1, 1))).isEqualTo(Week.parse("2020-W53"));
        assertThat(Week.parse("2020-W53").next()).isEqualTo(Week.parse("2021-W01"));
        assertThatThrownBy(() -> Week.parse("2021-W53")).hasMessageContaining("does not exist");
    }

    @Test
    void rejectsTextThatIsNotAWeekAndShowsTheForm() {
        assertThatThrownBy(() -> Week.parse("2024-21")).hasMessageContaining("'2024-21'").hasMessageContaining("2024-W21");
    }
}
