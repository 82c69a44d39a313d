package io.paperwire.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stretch of time a roundup covers: a month ({@code 2024-05}), a quarter ({@code 2024-Q2}) or a year
 * ({@code 2024}). An ISO week belongs to the period that holds its Thursday, as ISO 8601 assigns a week to a year:
 * 2024-W18 (29 April to 5 May) is a week of May 2024, and every week belongs to exactly one month.
 *
 * @param number the month (1–12) or the quarter (1–4); 0 for a year
 */
public record RoundupPeriod(Kind kind, int year, int number) implements Comparable<RoundupPeriod> {

    /** How long a period is. */
    public enum Kind { MONTH, QUARTER, YEAR }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public RoundupPeriod {
        if (kind == null) {
            throw new IllegalArgumentException("a roundup period needs a kind");
        }
        if (year < 1991 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is out of range");
        }
        int max = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 0;
        };
        if (kind == Kind.YEAR ? number != 0 : number < 1 || number > max) {
            throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + " " + number + " does not exist");
        }
    }

    public static RoundupPeriod month(int year, int month) {
        return new RoundupPeriod(Kind.MONTH, year, month);
    }

    public static RoundupPeriod quarter(int year, int quarter) {
        return new RoundupPeriod(Kind.QUARTER, year, quarter);
    }

    public static RoundupPeriod year(int year) {
        return new RoundupPeriod(Kind.YEAR, year, 0);
    }

    /**
     * A period as written on the command line: {@code 2024-05}, {@code 2024-Q2} or {@code 2024}.
     *
     * @throws IllegalArgumentException naming the text and the forms understood
     */
    public static RoundupPeriod parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m;
        if ((m = MONTH.matcher(t)).matches()) {
            return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = YEAR.matcher(t)).matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("'" + text + "' is no roundup period; write a month like 2024-05, a quarter"
                + " like 2024-Q2 or a year like 2024");
    }

    /**
     * A period of the given kind as written on the command line.
     *
     * @throws IllegalArgumentException when the text is not of that kind (a month given to {@code --year} …)
     */
    public static RoundupPeriod parse(Kind kind, String text) {
        RoundupPeriod period = parse(text);
        if (period.kind != kind) {
            String example = switch (kind) {
                case MONTH -> "2024-05";
                case QUARTER -> "2024-Q2";
                case YEAR -> "2024";
            };
            throw new IllegalArgumentException("'" + text + "' is no " + kind.name().toLowerCase(Locale.ROOT)
                    + "; write it like " + example);
        }
        return period;
    }

    /** The month before the one holding {@code day}: what the monthly schedule makes. */
    public static RoundupPeriod monthBefore(LocalDate day) {
        YearMonth previous = YearMonth.from(day).minusMonths(1);
        return month(previous.getYear(), previous.getMonthValue());
    }

    /** The id used in file names, URLs and the overrides file: {@code 2024-05}, {@code 2024-Q2}, {@code 2024}. */
    public String id() {
        return switch (kind) {
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", year, number);
            case QUARTER -> String.format(Locale.ROOT, "%04d-Q%d", year, number);
            case YEAR -> String.format(Locale.ROOT, "%04d", year);
        };
    }

    /** For readers: {@code May 2024}, {@code Q2 2024}, {@code 2024}. */
    public String label() {
        return switch (kind) {
            case MONTH -> Month.of(number).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
            case QUARTER -> "Q" + number + " " + year;
            case YEAR -> String.valueOf(year);
        };
    }

    public LocalDate firstDay() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, number, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    public LocalDate lastDay() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, number).atEndOfMonth();
            case QUARTER -> YearMonth.of(year, number * 3).atEndOfMonth();
            case YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    /** Whether the week's issue belongs to this period: its Thursday falls in it. */
    public boolean includes(Week week) {
        LocalDate thursday = week.monday().plusDays(3);
        return !thursday.isBefore(firstDay()) && !thursday.isAfter(lastDay());
    }

    /** The ISO weeks of the period, first to last. */
    public List<Week> weeks() {
        List<Week> weeks = new ArrayList<>();
        for (Week w = Week.containing(firstDay().minusDays(3)); !w.monday().isAfter(lastDay()); w = w.next()) {
            if (includes(w)) {
                weeks.add(w);
            }
        }
        return weeks;
    }

    /** When the last week of the period has been announced and indexed: before that, the period is not over. */
    public Instant completeAt() {
        List<Week> weeks = weeks();
        return weeks.get(weeks.size() - 1).completeAt();
    }

    @Override
    public int compareTo(RoundupPeriod other) {
        int byStart = firstDay().compareTo(other.firstDay());
        return byStart != 0 ? byStart : other.lastDay().compareTo(lastDay());
    }

    @Override
    public String toString() {
        return id();
    }
}
