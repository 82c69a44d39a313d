package io.paperwire.paper;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeekTest {

    @Test
    void coversMondayToSundayInUtc() {
        Week week = Week.parse("2024-W21");

        assertThat(week.monday()).isEqualTo(LocalDate.of(2024, 5, 20));
        assertThat(week.sunday()).isEqualTo(LocalDate.of(2024, 5, 26));
        assertThat(week.contains(Instant.parse("2024-05-20T00:00:00Z"))).isTrue();
        assertThat(week.contains(Instant.parse("2024-05-26T23:59:59Z"))).isTrue();
        assertThat(week.contains(Instant.parse("2024-05-27T00:00:00Z"))).isFalse();
        assertThat(week.toString()).isEqualTo("2024-W21");
    }

    @Test
    void previousIsTheLastCompleteWeek() {
        Clock monday = Clock.fixed(Instant.parse("2024-05-27T07:00:00Z"), ZoneOffset.UTC);

        assertThat(Week.previous(monday)).isEqualTo(Week.parse("2024-W21"));
    }

    @Test
    void handlesWeek53AndTheYearBoundary() {
        assertThat(Week.parse("2020-W53").monday()).isEqualTo(LocalDate.of(2020, 12, 28));
        assertThat(Week.containing(LocalDate.of(2021, 1, 1))).isEqualTo(Week.parse("2020-W53"));
        assertThatThrownBy(() -> Week.parse("2021-W53")).hasMessageContaining("does not exist");
    }

    @Test
    void rejectsTextThatIsNotAWeekAndShowsTheForm() {
        assertThatThrownBy(() -> Week.parse("2024-21")).hasMessageContaining("'2024-21'").hasMessageContaining("2024-W21");
    }
}
