package io.paperwire.paper;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundupPeriodTest {

    private static List<String> weeks(RoundupPeriod period) {
        return period.weeks().stream().map(Week::toString).toList();
    }

    @Test
    void aWeekBelongsToTheMonthOfItsThursday() {
        // 2024-W18 runs 29 April to 5 May: its Thursday, 2 May, puts it in May, not April.
        assertThat(weeks(RoundupPeriod.parse("2024-05"))).containsExactly("2024-W18", "2024-W19", "2024-W20",
                "2024-W21", "2024-W22");
        assertThat(weeks(RoundupPeriod.parse("2024-04"))).containsExactly("2024-W14", "2024-W15", "2024-W16", "2024-W17");
        assertThat(RoundupPeriod.parse("2024-04").includes(Week.parse("2024-W18"))).isFalse();
    }

    @Test
    void everyWeekOfAYearBelongsToExactlyOneOfItsMonthsAndQuarters() {
        RoundupPeriod year = RoundupPeriod.year(2020);
        assertThat(year.weeks()).hasSize(53).first().hasToString("2020-W01");
        for (Week week : year.weeks()) {
            long months = java.util.stream.IntStream.rangeClosed(1, 12)
                    .filter(m -> RoundupPeriod.month(2020, m).includes(week)).count();
            long quarters = java.util.stream.IntStream.rangeClosed(1, 4)
                    .filter(q -> RoundupPeriod.quarter(2020, q).includes(week)).count();
            assertThat(months).as(week.toString()).isOne();
            assertThat(quarters).as(week.toString()).isOne();
        }
        // 2024-W01 starts on 1 January 2024; 2025-W01 on 30 December 2024 belongs to 2025.
        assertThat(weeks(RoundupPeriod.year(2024))).hasSize(52).startsWith("2024-W01").endsWith("2024-W52");
    }

    @Test
    void periodsParseInTheirThreeFormsAndNameTheFormWhenWrong() {
        assertThat(RoundupPeriod.parse("2024-Q2")).isEqualTo(RoundupPeriod.quarter(2024, 2));
        assertThat(RoundupPeriod.parse("2024").label()).isEqualTo("2024");
        assertThat(RoundupPeriod.parse("2024-05").label()).isEqualTo("May 2024");
        assertThat(RoundupPeriod.quarter(2024, 2).lastDay()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThatThrownBy(() -> RoundupPeriod.parse("May 2024")).hasMessageContaining("2024-05")
                .hasMessageContaining("2024-Q2");
        assertThatThrownBy(() -> RoundupPeriod.parse("2024-13")).hasMessageContaining("month 13 does not exist");
        assertThatThrownBy(() -> RoundupPeriod.parse(RoundupPeriod.Kind.YEAR, "2024-05"))
                .hasMessage("'2024-05' is no year; write it like 2024");
    }

    @Test
    void theMonthlyScheduleMakesTheMonthBefore() {
        assertThat(RoundupPeriod.monthBefore(LocalDate.of(2024, 6, 3))).isEqualTo(RoundupPeriod.month(2024, 5));
        assertThat(RoundupPeriod.monthBefore(LocalDate.of(2025, 1, 6))).isEqualTo(RoundupPeriod.month(2024, 12));
    }

    @Test
    void aPeriodIsOverOnceItsLastWeekIsAnnouncedAndIndexed() {
        RoundupPeriod may = RoundupPeriod.month(2024, 5);
        assertThat(may.completeAt()).isEqualTo(Week.parse("2024-W22").completeAt());
    }
}
