package io.paperwire.paper;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * An ISO-8601 week such as {@code 2024-W21}: the id of a run and of the issue it produces.
 * A run for a week covers papers submitted from its Monday 00:00 UTC up to the next Monday.
 */
public record Week(int year, int number) implements Comparable<Week> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public Week {
        if (number < 1 || number > LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
            throw new IllegalArgumentException("week " + year + "-W" + number + " does not exist");
        }
    }

    /**
     * @throws IllegalArgumentException naming the text and the expected form when it is not a week
     */
    public static Week parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO week; write it like 2024-W21");
        }
        return new Week(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Week containing(LocalDate date) {
        return new Week(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The last complete week before now: what the Monday-morning run covers. */
    public static Week previous(Clock clock) {
        return containing(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusWeeks(1));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                .with(DayOfWeek.MONDAY);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public List<LocalDate> days() {
        LocalDate monday = monday();
        return IntStream.range(0, 7).mapToObj(monday::plusDays).toList();
    }

    public Instant start() {
        return monday().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive end: the next Monday 00:00 UTC. */
    public Instant end() {
        return monday().plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
    }

    @Override
    public int compareTo(Week other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, number);
    }
}
